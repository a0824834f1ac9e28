package org.ailedger.indexer.api;

/**
 * Carries a {@link Problem} from wherever a request is found wanting to the one failure handler. It
 * is an expected answer, not a bug, so it records no stack trace.
 */
final class ProblemException extends RuntimeException {
  private final transient Problem problem;

  ProblemException(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
  }

  Problem problem() {
    return problem;
  }
}
