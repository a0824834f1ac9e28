package org.ailedger.evm.precompile;

import ethereum.cryptography.LibEthKZG;
import java.util.Map;

/** The precompiled contracts every Ethereum fork up to Cancun puts at addresses 0x01–0x0a. */
public final class StandardPrecompiles {
  private StandardPrecompiles() {}

  /**
   * Cancun's ten, keyed by address number 1..10. Building it binds two native libraries and loads
   * the KZG trusted setup, so a node builds it once and shares it; every contract is stateless and
   * safe to call from several threads.
   */
  public static Map<Integer, PrecompiledContract> cancun() {
    return Map.of(
        1, new EcRecover(),
        2, new Sha256(),
        3, new Ripemd160(),
        4, new Identity(),
        5, new ModExp(),
        6, new Bn254Add(),
        7, new Bn254Mul(),
        8, new Bn254Pairing(),
        9, new Blake2f(),
        10, new PointEvaluation(new LibEthKZG(false)));
  }
}
