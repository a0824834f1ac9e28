package org.ailedger.evm.precompile;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * A contract whose code is Java rather than bytecode, called like any account. The interpreter
 * charges {@link #gasRequirement} first and only then computes, so an unaffordable call costs no
 * computation.
 */
public interface PrecompiledContract {

  /** The gas this input costs; {@link Long#MAX_VALUE} when no gas limit could pay for it. */
  long gasRequirement(Bytes input);

  /** The output, or empty when the input is invalid: the call then fails and keeps no gas. */
  Optional<Bytes> compute(Bytes input);
}
