package org.ailedger.node.p2p.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ailedger.node.genesis.DevAccounts;
import org.junit.jupiter.api.Test;

class EnodeUrlTest {
  // the node id of a well-known public bootnode, as geth's and Besu's docs print it
  private static final String ID =
      "d860a01f9722d78051619d1e2351aba3f43f943f6f00718d1b9baa4101932a1f"
          + "5011f16bb2b1bb35db20d6fe28fa0bf09636d26a87d31de9ec6203eeedb1f666";

  @Test
  void parsesAndPrintsTheCanonicalForm() {
    EnodeUrl enode = EnodeUrl.parse("enode://" + ID + "@18.138.108.67:30303");

    assertThat(enode.host()).isEqualTo("18.138.108.67");
    assertThat(enode.port()).isEqualTo(30303);
    assertThat(enode.nodeId().bytes().toUnprefixedHexString()).isEqualTo(ID);
    assertThat(enode).hasToString("enode://" + ID + "@18.138.108.67:30303");
  }

  @Test
  void dropsTheDiscoveryPortAndKeepsIpv6Brackets() {
    assertThat(EnodeUrl.parse("enode://" + ID + "@10.0.0.1:30303?discport=30301"))
        .isEqualTo(EnodeUrl.parse("enode://" + ID + "@10.0.0.1:30303"));
    EnodeUrl v6 = EnodeUrl.parse("enode://" + ID + "@[::1]:30304");
    assertThat(v6.host()).isEqualTo("::1");
    assertThat(v6).hasToString("enode://" + ID + "@[::1]:30304");
  }

  @Test
  void nodeIdIsTheValidatorsPublicKey() {
    var key = DevAccounts.validator(0);
    EnodeUrl enode = new EnodeUrl(key.publicKey(), "127.0.0.1", 30303);

    assertThat(EnodeUrl.parse(enode.toString()).nodeId().address()).isEqualTo(key.address());
  }

  @Test
  void refusesWhatIsNotAnEnode() {
    assertThatThrownBy(() -> EnodeUrl.parse("http://" + ID + "@h:1"))
        .hasMessageContaining("enode://");
    assertThatThrownBy(() -> EnodeUrl.parse("enode://abcd@h:1")).hasMessageContaining("128 hex");
    assertThatThrownBy(() -> EnodeUrl.parse("enode://" + ID + "@h"))
        .hasMessageContaining("host:port");
    assertThatThrownBy(() -> EnodeUrl.parse("enode://" + ID + "@h:70000"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EnodeUrl.parse("enode://" + ID + "@h:1?x=1"))
        .hasMessageContaining("discport");
  }
}
