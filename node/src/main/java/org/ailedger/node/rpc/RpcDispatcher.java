package org.ailedger.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.ailedger.node.rpc.json.RpcJson;
import org.ailedger.node.rpc.params.RpcParams;
import org.ailedger.node.rpc.subscription.SubscriptionScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs parsed requests and builds the answer. This is the one place where a thrown {@link
 * RpcException} becomes an {@code error} member and where any other exception (a bug) becomes
 * "Internal error" with its stack trace in the log, never in the response.
 */
public final class RpcDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(RpcDispatcher.class);

  /** A served method with its recorder, resolved once so a call does one map lookup. */
  private record Served(RpcMethod method, RpcObserver.MethodRecorder recorder) {}

  private final Map<String, Served> served;
  private final RpcObserver.MethodRecorder unserved;
  private final RpcObserver observer;

  public RpcDispatcher(RpcMethods methods) {
    this(methods, RpcObserver.NONE);
  }

  public RpcDispatcher(RpcMethods methods, RpcObserver observer) {
    Map<String, Served> byName = new HashMap<>();
    for (String name : methods.names()) {
      byName.put(name, new Served(methods.find(name).orElseThrow(), observer.method(name)));
    }
    this.served = Map.copyOf(byName);
    this.unserved = observer.unserved();
    this.observer = observer;
  }

  /**
   * The answer to a body, empty when there is nothing to send (a notification, or a batch of
   * notifications only: JSON-RPC 2.0 says to return nothing at all then, not an empty array). Batch
   * answers keep the order of the requests.
   */
  public Optional<JsonNode> dispatch(ParsedBody body, Optional<SubscriptionScope> scope) {
    return switch (body) {
      case ParsedBody.Refused refused -> Optional.of(refused.response());
      case ParsedBody.Single single -> answer(single.envelope(), scope);
      case ParsedBody.Batch batch -> {
        observer.batch(transport(scope), batch.envelopes().size());
        ArrayNode answers = RpcJson.array();
        for (Envelope envelope : batch.envelopes()) {
          answer(envelope, scope).ifPresent(answers::add);
        }
        yield answers.isEmpty() ? Optional.empty() : Optional.of(answers);
      }
    };
  }

  /** Whether the body is one call of a method that is light for its params; see RpcMethod. */
  public boolean light(ParsedBody body) {
    if (body instanceof ParsedBody.Single single
        && single.envelope() instanceof Envelope.Call call) {
      Served method = served.get(call.method());
      return method == null || method.method().light(call.params());
    }
    return false;
  }

  /** Tells the observer a body was refused unrun because the server was busy. */
  public void refusedBusy(Optional<SubscriptionScope> scope) {
    observer.busy(transport(scope));
  }

  /** The same body answered with one error for every call, without running anything. */
  public static Optional<JsonNode> refuse(ParsedBody body, RpcException error) {
    return switch (body) {
      case ParsedBody.Refused refused -> Optional.of(refused.response());
      case ParsedBody.Single single -> refusal(single.envelope(), error);
      case ParsedBody.Batch batch -> {
        ArrayNode answers = RpcJson.array();
        batch.envelopes().forEach(e -> refusal(e, error).ifPresent(answers::add));
        yield answers.isEmpty() ? Optional.empty() : Optional.of(answers);
      }
    };
  }

  private Optional<JsonNode> answer(Envelope envelope, Optional<SubscriptionScope> scope) {
    return switch (envelope) {
      case Envelope.Invalid invalid -> {
        unserved.failed(transport(scope), RpcError.INVALID_REQUEST, 0);
        yield Optional.of(
            RpcResponses.error(
                invalid.id(), RpcError.INVALID_REQUEST, invalid.message(), Optional.empty()));
      }
      case Envelope.Call call -> {
        JsonNode answer = run(call, scope);
        yield call.isNotification() ? Optional.empty() : Optional.of(answer);
      }
    };
  }

  private JsonNode run(Envelope.Call call, Optional<SubscriptionScope> scope) {
    JsonNode id = call.id().orElse(NullNode.getInstance());
    Served method = served.get(call.method());
    RpcTransport transport = transport(scope);
    if (method == null) {
      unserved.failed(transport, RpcError.METHOD_NOT_FOUND, 0);
      return RpcResponses.error(
          id,
          RpcError.METHOD_NOT_FOUND,
          "the method " + printable(call.method()) + " does not exist/is not available",
          Optional.empty());
    }
    long started = System.nanoTime();
    try {
      RpcRequest request = new RpcRequest(call.method(), RpcParams.of(call.params()), scope);
      JsonNode result = method.method().execute(request);
      method.recorder().answered(transport, System.nanoTime() - started);
      return RpcResponses.success(id, result);
    } catch (RpcException e) {
      method.recorder().failed(transport, e.error(), System.nanoTime() - started);
      LOG.debug("{} answered {} {}", call.method(), e.error(), e.getMessage());
      return RpcResponses.error(id, e);
    } catch (RuntimeException e) {
      method.recorder().failed(transport, RpcError.INTERNAL_ERROR, System.nanoTime() - started);
      LOG.error("{} failed unexpectedly", call.method(), e);
      return RpcResponses.error(id, RpcError.INTERNAL_ERROR, "internal error", Optional.empty());
    }
  }

  /** Only WebSocket calls carry a subscription scope: HTTP has no connection to push to. */
  private static RpcTransport transport(Optional<SubscriptionScope> scope) {
    return scope.isPresent() ? RpcTransport.WEBSOCKET : RpcTransport.HTTP;
  }

  private static Optional<JsonNode> refusal(Envelope envelope, RpcException error) {
    return switch (envelope) {
      case Envelope.Invalid invalid ->
          Optional.of(
              RpcResponses.error(
                  invalid.id(), RpcError.INVALID_REQUEST, invalid.message(), Optional.empty()));
      case Envelope.Call call -> call.id().map(id -> RpcResponses.error(id, error));
    };
  }

  /** A method name fit to echo: bounded and without control characters. */
  private static String printable(String method) {
    String shown = method.length() > 64 ? method.substring(0, 64) + "…" : method;
    return shown
        .codePoints()
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }
}
