package org.ailedger.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.bouncycastle.crypto.digests.KeccakDigest;
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

  @Test
  void matchesBouncyCastlesDigestAtEveryLengthAcrossSeveralBlocks() {
    // every tail length in the rate (136 bytes), the block boundaries on both sides, and
    // multi-block inputs: where a hand-written sponge's padding and lane reads go wrong
    Random random = new Random(20261207);
    for (int length = 0; length <= 3 * 136 + 9; length++) {
      byte[] input = new byte[length];
      random.nextBytes(input);
      assertThat(Keccak.hash(input)).as("length %d", length).isEqualTo(reference(input));
    }
  }

  @Test
  void hashesAnOffsetSliceAsThatSliceAlone() {
    byte[] input = new byte[300];
    new Random(7).nextBytes(input);
    byte[] slice = java.util.Arrays.copyOfRange(input, 13, 13 + 200);
    assertThat(Keccak.hash(input, 13, 200)).isEqualTo(reference(slice));
  }

  private static byte[] reference(byte[] input) {
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(input, 0, input.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }
}
