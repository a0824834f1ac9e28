package org.ailedger.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.tuweni.bytes.Bytes;
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
}
