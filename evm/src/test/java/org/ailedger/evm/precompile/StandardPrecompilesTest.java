package org.ailedger.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class StandardPrecompilesTest {
  // built once: loading the KZG trusted setup takes seconds
  private static final Map<Integer, PrecompiledContract> CANCUN = StandardPrecompiles.cancun();

  @Test
  void cancunHasTheTenStandardContractsAtTheirAddresses() {
    assertThat(CANCUN.keySet()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(CANCUN.get(1)).isInstanceOf(EcRecover.class);
    assertThat(CANCUN.get(2)).isInstanceOf(Sha256.class);
    assertThat(CANCUN.get(3)).isInstanceOf(Ripemd160.class);
    assertThat(CANCUN.get(4)).isInstanceOf(Identity.class);
    assertThat(CANCUN.get(5)).isInstanceOf(ModExp.class);
    assertThat(CANCUN.get(6)).isInstanceOf(Bn254Add.class);
    assertThat(CANCUN.get(7)).isInstanceOf(Bn254Mul.class);
    assertThat(CANCUN.get(8)).isInstanceOf(Bn254Pairing.class);
    assertThat(CANCUN.get(9)).isInstanceOf(Blake2f.class);
    assertThat(CANCUN.get(10)).isInstanceOf(PointEvaluation.class);
    assertThat(CANCUN.get(10).gasRequirement(Bytes.EMPTY)).isEqualTo(50_000);
  }

  @Test
  void theMapCannotBeChanged() {
    assertThatThrownBy(() -> CANCUN.put(11, new Identity()))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
