package org.ailedger.node.rpc.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ailedger.node.chain.BlockAdded;
import org.ailedger.node.rpc.filter.LogCriteria;
import org.ailedger.node.rpc.filter.LogSearch;
import org.ailedger.node.rpc.filter.MatchedLog;
import org.ailedger.node.rpc.json.BlockJson;
import org.ailedger.node.rpc.json.LogJson;
import org.ailedger.node.rpc.json.RpcJson;

/**
 * Renders the notifications one new block causes. The header and the block's logs are computed once
 * per block and shared by every subscription, whatever the number of connections.
 */
public final class NotificationRenderer {
  private final BlockAdded event;
  private ObjectNode header;
  private List<MatchedLog> logs;

  public NotificationRenderer(BlockAdded event) {
    this.event = event;
  }

  /** The messages for one subscription, in order: one header, or one message per matching log. */
  public List<String> messagesFor(Subscription subscription) {
    return switch (subscription) {
      case Subscription.NewHeads heads -> List.of(message(heads.id(), header()));
      case Subscription.Logs logSubscription -> {
        List<String> messages = new ArrayList<>();
        LogCriteria criteria = logSubscription.criteria();
        for (MatchedLog log : logs()) {
          if (criteria.matches(log.log())) {
            messages.add(message(logSubscription.id(), LogJson.of(log)));
          }
        }
        yield messages;
      }
    };
  }

  public static String message(String subscriptionId, JsonNode result) {
    ObjectNode json = RpcJson.object();
    json.put("jsonrpc", "2.0");
    json.put("method", "eth_subscription");
    ObjectNode params = json.putObject("params");
    params.put("subscription", subscriptionId);
    params.set("result", result);
    return new String(RpcJson.write(json), StandardCharsets.UTF_8);
  }

  private ObjectNode header() {
    if (header == null) {
      header = BlockJson.header(event.block().header());
    }
    return header;
  }

  private List<MatchedLog> logs() {
    if (logs == null) {
      logs = LogSearch.inBlock(event.block(), event.receipts(), LogCriteria.ANY);
    }
    return logs;
  }
}
