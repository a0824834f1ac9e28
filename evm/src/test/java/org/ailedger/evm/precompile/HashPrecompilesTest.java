package org.ailedger.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class HashPrecompilesTest {
  private static final Bytes ABC = Bytes.wrap("abc".getBytes(StandardCharsets.US_ASCII));

  @Test
  void sha256HashesTheWholeInput() {
    // FIPS 180-2 appendix B.1
    assertThat(new Sha256().compute(ABC))
        .contains(
            Bytes.fromHexString(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    assertThat(new Sha256().compute(Bytes.EMPTY))
        .contains(
            Bytes.fromHexString(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  }

  @Test
  void ripemd160IsLeftPaddedToAWord() {
    // the RIPEMD-160 authors' test vector for "abc"
    assertThat(new Ripemd160().compute(ABC))
        .contains(
            Bytes.fromHexString(
                "0000000000000000000000008eb208f7e05d987a9b044a8e98c6b087f15a0bfc"));
  }

  @Test
  void identityReturnsACopyOfItsInput() {
    byte[] memory = {1, 2, 3};
    Bytes output = new Identity().compute(Bytes.wrap(memory)).orElseThrow();
    memory[0] = 9;
    assertThat(output).isEqualTo(Bytes.of(1, 2, 3));
    assertThat(new Identity().compute(Bytes.EMPTY)).contains(Bytes.EMPTY);
  }

  @Test
  void gasIsBasePlusPricePerStartedWord() {
    Bytes oneWord = Bytes.wrap(new byte[32]);
    Bytes justOverOneWord = Bytes.wrap(new byte[33]);
    assertThat(new Sha256().gasRequirement(Bytes.EMPTY)).isEqualTo(60);
    assertThat(new Sha256().gasRequirement(oneWord)).isEqualTo(72);
    assertThat(new Sha256().gasRequirement(justOverOneWord)).isEqualTo(84);
    assertThat(new Ripemd160().gasRequirement(Bytes.EMPTY)).isEqualTo(600);
    assertThat(new Ripemd160().gasRequirement(justOverOneWord)).isEqualTo(840);
    assertThat(new Identity().gasRequirement(Bytes.EMPTY)).isEqualTo(15);
    assertThat(new Identity().gasRequirement(justOverOneWord)).isEqualTo(21);
  }
}
