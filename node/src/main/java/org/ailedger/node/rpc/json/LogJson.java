package org.ailedger.node.rpc.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.ailedger.node.rpc.filter.MatchedLog;

/** Logs in the shape of the execution-apis log schema. */
public final class LogJson {
  private LogJson() {}

  public static ObjectNode of(MatchedLog matched) {
    ObjectNode json = RpcJson.object();
    json.put("address", Hex.address(matched.log().address()));
    ArrayNode topics = json.putArray("topics");
    matched.log().topics().forEach(t -> topics.add(Hex.data(t)));
    json.put("data", Hex.data(matched.log().data()));
    json.put("blockNumber", Hex.quantity(matched.blockNumber()));
    json.put("transactionHash", Hex.data(matched.transactionHash()));
    json.put("transactionIndex", Hex.quantity(matched.transactionIndex()));
    json.put("blockHash", Hex.data(matched.blockHash()));
    json.put("blockTimestamp", Hex.quantity(matched.blockTimestamp()));
    json.put("logIndex", Hex.quantity(matched.logIndex()));
    // this chain has immediate finality: a log is never removed by a reorg
    json.put("removed", false);
    return json;
  }

  public static ArrayNode array(List<MatchedLog> logs) {
    ArrayNode array = RpcJson.array();
    logs.forEach(l -> array.add(of(l)));
    return array;
  }
}
