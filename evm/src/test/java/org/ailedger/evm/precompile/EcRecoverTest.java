package org.ailedger.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.MutableBytes;
import org.junit.jupiter.api.Test;

class EcRecoverTest {
  // go-ethereum core/vm/testdata/precompiles/ecRecover.json, "ValidKey": hash, v = 28, r, s
  private static final String HASH =
      "18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c";
  private static final String R =
      "73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75f";
  private static final String S =
      "eeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549";
  private static final Bytes SIGNER =
      Bytes.fromHexString("000000000000000000000000a94f5374fce5edbc8e2a8697c15331677e6ebf0b");
  private static final BigInteger N =
      new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

  private final EcRecover ecrecover = new EcRecover();

  private static Bytes input(String hash, int v, String r, String s) {
    return Bytes.fromHexString(hash + word(BigInteger.valueOf(v)) + r + s);
  }

  private static String word(BigInteger value) {
    return String.format("%064x", value);
  }

  @Test
  void recoversTheSignersAddressLeftPadded() {
    assertThat(ecrecover.compute(input(HASH, 28, R, S))).contains(SIGNER);
    assertThat(ecrecover.gasRequirement(Bytes.EMPTY)).isEqualTo(3000);
  }

  @Test
  void acceptsHighSAndItsLowSTwin() {
    // the published signature already has a high s, which transactions would refuse
    assertThat(new BigInteger(S, 16)).isGreaterThan(N.shiftRight(1));
    assertThat(ecrecover.compute(input(HASH, 28, R, S))).contains(SIGNER);
    // (r, n − s) with the other parity signs the same hash with the same key
    String lowS = word(N.subtract(new BigInteger(S, 16)));
    assertThat(ecrecover.compute(input(HASH, 27, R, lowS))).contains(SIGNER);
  }

  @Test
  void anyInvalidSignatureGivesEmptyOutputNotFailure() {
    assertThat(ecrecover.compute(input(HASH, 29, R, S))).contains(Bytes.EMPTY);
    assertThat(ecrecover.compute(input(HASH, 0, R, S))).contains(Bytes.EMPTY);
    assertThat(ecrecover.compute(input(HASH, 28, word(BigInteger.ZERO), S))).contains(Bytes.EMPTY);
    assertThat(ecrecover.compute(input(HASH, 28, word(N), S))).contains(Bytes.EMPTY);
    assertThat(ecrecover.compute(input(HASH, 28, R, word(N)))).contains(Bytes.EMPTY);
    // v = 28 with a stray high bit ("InvalidHighV-bits-1" in the same file)
    MutableBytes strayBit = input(HASH, 28, R, S).mutableCopy();
    strayBit.set(32, (byte) 0x10);
    assertThat(ecrecover.compute(strayBit)).contains(Bytes.EMPTY);
    // "CallEcrecoverUnrecoverableKey": r is not the x of any curve point
    assertThat(
            ecrecover.compute(
                Bytes.fromHexString(
                    "a8b53bdf3306a35a7103ab5504a0c9b492295564b6202b1942a84ef300107281"
                        + "000000000000000000000000000000000000000000000000000000000000001b"
                        + "3078356531653033663533636531386237373263636230303933666637316633"
                        + "6635336635633735623734646362333161383561613862383839326234653862"
                        + "1122334455667788991011121314151617181920212223242526272829303132")))
        .contains(Bytes.EMPTY);
  }

  @Test
  void shortInputIsReadAsZeroPadded() {
    assertThat(ecrecover.compute(Bytes.EMPTY)).contains(Bytes.EMPTY);
    // trailing zero bytes of s cut off: the same signature, read back as padded
    Bytes full = input(HASH, 28, R, S.substring(0, 62) + "00");
    assertThat(ecrecover.compute(full.slice(0, 127))).isEqualTo(ecrecover.compute(full));
  }
}
