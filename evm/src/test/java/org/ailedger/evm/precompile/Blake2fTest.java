package org.ailedger.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.MutableBytes;
import org.junit.jupiter.api.Test;

/** EIP-152's test vectors 4–8: BLAKE2b's first block of "abc" with various round counts. */
class Blake2fTest {
  private static final String STATE_MESSAGE_COUNTER =
      "48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5"
          + "d182e6ad7f520e511f6c3e2b8c68059b6bbd41fbabd9831f79217e1319cde05b"
          + "6162630000000000000000000000000000000000000000000000000000000000"
          + "00".repeat(96)
          + "0300000000000000"
          + "0000000000000000";

  private final Blake2f blake2f = new Blake2f();

  private static Bytes input(String rounds, String flag) {
    return Bytes.fromHexString(rounds + STATE_MESSAGE_COUNTER + flag);
  }

  @Test
  void twelveRoundsOfTheFinalBlockIsBlake2bOfAbc() {
    // vector 5: the digest of "abc" in BLAKE2b-512 (RFC 7693 appendix A)
    Bytes input = input("0000000c", "01");
    assertThat(blake2f.compute(input))
        .contains(
            Bytes.fromHexString(
                "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                    + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"));
    assertThat(blake2f.gasRequirement(input)).isEqualTo(12);
  }

  @Test
  void otherRoundCountsAndFlags() {
    // vector 4: no rounds
    assertThat(blake2f.compute(input("00000000", "01")))
        .contains(
            Bytes.fromHexString(
                "08c9bcf367e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5"
                    + "d282e6ad7f520e511f6c3e2b8c68059b9442be0454267ce079217e1319cde05b"));
    // vector 6: not the final block
    assertThat(blake2f.compute(input("0000000c", "00")))
        .contains(
            Bytes.fromHexString(
                "75ab69d3190a562c51aef8d88f1c2775876944407270c42c9844252c26d28752"
                    + "98743e7f6d5ea2f2d3e8d226039cd31b4e426ac4f2d3d666a610c2116fde4735"));
    // vector 7: one round
    assertThat(blake2f.compute(input("00000001", "01")))
        .contains(
            Bytes.fromHexString(
                "b63a380cb2897d521994a85234ee2c181b5f844d2c624c002677e9703449d2fb"
                    + "a551b3a8333bcdf5f2f7e08993d53923de3d64fcc68c034e717b9293fed7a421"));
  }

  @Test
  void eightMillionRoundsCostEightMillionGas() {
    // vector 8: 0x7a1200 rounds; the round count is unsigned
    Bytes input = input("007a1200", "01");
    assertThat(blake2f.gasRequirement(input)).isEqualTo(8_000_000);
    assertThat(blake2f.compute(input))
        .contains(
            Bytes.fromHexString(
                "6d2ce9e534d50e18ff866ae92d70cceba79bbcd14c63819fe48752c8aca87a4b"
                    + "b7dcc230d22a4047f0486cfcfb50a17b24b2899eb8fca370f22240adb5170189"));
    assertThat(blake2f.gasRequirement(input("ffffffff", "01"))).isEqualTo(0xffffffffL);
  }

  @Test
  void rejectsWrongLengthsAndFlags() {
    // EIP-152 vectors 0–3
    Bytes valid = input("0000000c", "01");
    assertThat(blake2f.compute(Bytes.EMPTY)).isEmpty();
    assertThat(blake2f.compute(valid.slice(0, 212))).isEmpty();
    assertThat(blake2f.compute(Bytes.concatenate(valid, Bytes.of(0)))).isEmpty();
    MutableBytes badFlag = valid.mutableCopy();
    badFlag.set(212, (byte) 2);
    assertThat(blake2f.compute(badFlag)).isEmpty();
  }
}
