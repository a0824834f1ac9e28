package org.ailedger.node.p2p.rlpx.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.ailedger.node.crypto.KeyPair;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class EciesTest {
  private final SecureRandom random = new SecureRandom();
  private final KeyPair recipient = Ecdh.randomKeyPair(random);
  private final Bytes message = Bytes.fromHexString("0x0102030405060708090a");
  private final Bytes macData = Bytes.fromHexString("0x01b3");

  @Test
  void recipientDecryptsWhatWasEncryptedForIt() {
    Bytes sealed = Ecies.encrypt(recipient.publicKey(), message, macData, random);

    assertThat(sealed.size()).isEqualTo(message.size() + Ecies.OVERHEAD);
    assertThat(Ecies.decrypt(recipient.privateKey(), sealed, macData)).contains(message);
  }

  @Test
  void differentSharedMacDataFailsAuthentication() {
    Bytes sealed = Ecies.encrypt(recipient.publicKey(), message, macData, random);

    assertThat(Ecies.decrypt(recipient.privateKey(), sealed, Bytes.fromHexString("0x01b4")))
        .isEmpty();
  }

  @Test
  void anotherKeyCannotDecrypt() {
    Bytes sealed = Ecies.encrypt(recipient.publicKey(), message, macData, random);

    assertThat(Ecies.decrypt(Ecdh.randomKeyPair(random).privateKey(), sealed, macData)).isEmpty();
  }

  @Test
  void pointOffTheCurveIsRejectedNotThrown() {
    Bytes sealed = Ecies.encrypt(recipient.publicKey(), message, macData, random);
    byte[] bad = sealed.toArray();
    bad[10] ^= 1;

    assertThat(Ecies.decrypt(recipient.privateKey(), Bytes.wrap(bad), macData)).isEmpty();
  }

  @Test
  void tooShortInputIsRejected() {
    assertThat(Ecies.decrypt(recipient.privateKey(), Bytes.of(4, 1, 2), macData)).isEmpty();
  }
}
