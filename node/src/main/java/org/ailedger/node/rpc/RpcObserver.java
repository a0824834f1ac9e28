package org.ailedger.node.rpc;

/**
 * Told of every call the dispatcher answers, for metrics. The dispatcher asks for one {@link
 * MethodRecorder} per served method when it is built, so answering a call costs no lookup beyond
 * the method's own and no allocation here; implementations must be thread-safe and lock-free, as
 * every worker thread records.
 */
public interface RpcObserver {
  /** Records nothing: a server started without metrics. */
  RpcObserver NONE =
      new RpcObserver() {
        @Override
        public MethodRecorder method(String name) {
          return MethodRecorder.NONE;
        }

        @Override
        public MethodRecorder unserved() {
          return MethodRecorder.NONE;
        }

        @Override
        public void batch(RpcTransport transport, int size) {}

        @Override
        public void busy(RpcTransport transport) {}

        @Override
        public RpcObserver detached() {
          return this;
        }
      };

  /** The recorder of a method this server serves; asked once per method, at start. */
  MethodRecorder method(String name);

  /**
   * The one recorder of every call naming a method this server does not serve (and of envelopes
   * with no usable method at all): clients choose method names, so they must not choose labels.
   */
  MethodRecorder unserved();

  /** A batch of {@code size} envelopes arrived. */
  void batch(RpcTransport transport, int size);

  /** A body was refused unrun because the bounded queue of waiting requests was full. */
  void busy(RpcTransport transport);

  /**
   * An observer of the same kind whose records nobody reads. The start-up warm-up records through
   * it, so the code it compiles is the code clients' calls run, while the meters operators read
   * count only clients' calls.
   */
  RpcObserver detached();

  /** What became of calls to one method, and how long they ran. */
  interface MethodRecorder {
    MethodRecorder NONE =
        new MethodRecorder() {
          @Override
          public void answered(RpcTransport transport, long nanos) {}

          @Override
          public void failed(RpcTransport transport, RpcError error, long nanos) {}
        };

    void answered(RpcTransport transport, long nanos);

    void failed(RpcTransport transport, RpcError error, long nanos);
  }
}
