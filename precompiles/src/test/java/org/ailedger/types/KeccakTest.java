package org.ailedger.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class KeccakTest {
  @Test
  void hashesAsEthereumDoes() {
    // the empty-code hash every Ethereum account without code carries
    assertThat(Keccak.hash(Bytes.EMPTY).toHexString())
        .isEqualTo("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    // the ERC-20 Transfer topic
    assertThat(
            Keccak.hash(
                    Bytes.wrap(
                        "Transfer(address,address,uint256)".getBytes(StandardCharsets.US_ASCII)))
                .toHexString())
        .isEqualTo("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");
  }

  @Test
  void theByteArrayFormMatchesAndLeavesItsInputAlone() {
    byte[] input = "abc".getBytes(StandardCharsets.US_ASCII);
    assertThat(Bytes.wrap(Keccak.hash(input))).isEqualTo(Keccak.hash(Bytes.wrap(input)));
    assertThat(input).containsExactly('a', 'b', 'c');
  }

  @Test
  void twoPartsHashAsTheirConcatenation() {
    Bytes first = Bytes.fromHexString("0x0102");
    Bytes second = Bytes.fromHexString("0x030405");
    assertThat(Keccak.hash(first, second)).isEqualTo(Keccak.hash(Bytes.concatenate(first, second)));
    assertThat(Keccak.hash(Bytes.EMPTY, Bytes.EMPTY)).isEqualTo(Keccak.hash(Bytes.EMPTY));
  }

  @Test
  void aHashLeavesNothingBehindForTheNextOnTheSameOrAnotherThread() throws Exception {
    Bytes32 expected = Keccak.hash(Bytes.fromHexString("0xabcdef"));
    Keccak.hash(Bytes.wrap(new byte[1000]));
    assertThat(Keccak.hash(Bytes.fromHexString("0xabcdef"))).isEqualTo(expected);
    Thread other = new Thread(() -> Keccak.hash(Bytes.wrap(new byte[300])));
    other.start();
    other.join();
    assertThat(Keccak.hash(Bytes.fromHexString("0xab"), Bytes.fromHexString("0xcdef")))
        .isEqualTo(expected);
  }
}
