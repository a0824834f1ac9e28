package org.ailedger.bench.load;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sender's submissions in nonce order: waits for room in its window and for its turn under the
 * rate, sends one transaction or a batch, and on a refusal either resends from the refused nonce
 * (the node was busy) or stops (the sequence cannot continue).
 */
final class SenderLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(SenderLoop.class);
  private static final String SEND = "eth_sendRawTransaction";
  private static final long RETRY_PAUSE_MILLIS = 100;

  /** Longest sleep, so the end of the run is noticed promptly. */
  private static final long MAX_WAIT_MILLIS = 100;

  private final SignedSequence sequence;
  private final JsonRpcClient client;
  private final TransactionBook book;
  private final Pacer pacer;
  private final RunClock clock;
  private final int window;
  private final int batchSize;
  private final SubmitCounters counters;

  SenderLoop(
      SignedSequence sequence,
      JsonRpcClient client,
      TransactionBook book,
      Pacer pacer,
      RunClock clock,
      int window,
      int batchSize,
      SubmitCounters counters) {
    this.sequence = sequence;
    this.client = client;
    this.book = book;
    this.pacer = pacer;
    this.clock = clock;
    this.window = window;
    this.batchSize = batchSize;
    this.counters = counters;
  }

  @Override
  public void run() {
    try {
      send();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void send() throws InterruptedException {
    int sender = sequence.sender();
    int next = 0;
    int resentBelow = 0; // positions below this were sent before
    while (!clock.sendingOver()) {
      if (next >= sequence.size()) {
        counters.senderExhausted();
        return;
      }
      int room = window - (next - book.committedUpTo(sender));
      if (room <= 0) {
        counters.windowFull();
        book.awaitCommits(MAX_WAIT_MILLIS);
        continue;
      }
      int due = pacer.dueCount(sender, clock.elapsedNanos()) - next;
      if (due <= 0) {
        long waitNanos = pacer.dueNanos(sender, next) - clock.elapsedNanos();
        Thread.sleep(Math.max(1, Math.min(MAX_WAIT_MILLIS, waitNanos / 1_000_000)));
        continue;
      }
      int count = Math.min(Math.min(batchSize, room), Math.min(due, sequence.size() - next));
      long now = System.nanoTime();
      List<JsonRpcClient.Call> calls = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        book.submitted(sender, next + i, now);
        calls.add(new JsonRpcClient.Call(SEND, List.of(sequence.rawTransactions().get(next + i))));
      }
      counters.request();
      List<RpcOutcome> outcomes = client.batch(calls);
      boolean inWindow = clock.inWindow(now);
      if (inWindow) {
        counters.answered(System.nanoTime() - now);
      }
      int sent = 0;
      for (RpcOutcome outcome : outcomes) {
        Rejections.Reaction reaction = Rejections.reactionTo(outcome, next + sent < resentBelow);
        if (!(outcome instanceof RpcOutcome.Success)) {
          counters.rejections().count(outcome);
        }
        if (reaction == Rejections.Reaction.STOP) {
          LOG.warn(
              "Sender {} stops at nonce {}: {}",
              sequence.address(),
              sequence.startNonce() + next + sent,
              Rejections.reasonOf(outcome));
          counters.senderStopped();
          return;
        }
        if (reaction == Rejections.Reaction.RETRY) {
          break; // later ones in this batch would wait behind the gap: resend them too
        }
        counters.accepted(inWindow);
        sent++;
      }
      if (sent < count) {
        resentBelow = Math.max(resentBelow, next + count);
        Thread.sleep(RETRY_PAUSE_MILLIS);
      }
      next += sent;
    }
  }
}
