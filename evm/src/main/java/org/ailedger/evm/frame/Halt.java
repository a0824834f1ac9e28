package org.ailedger.evm.frame;

/**
 * Thrown inside the interpreter loop to leave a frame exceptionally; caught by the frame's caller
 * and turned into a {@link FrameResult}, never seen outside this package. No stack trace: it is
 * control flow, thrown often by hostile code.
 */
final class Halt extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final HaltReason reason;

  Halt(HaltReason reason) {
    super(reason.name(), null, false, false);
    this.reason = reason;
  }
}
