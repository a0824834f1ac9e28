package org.ailedger.node.rpc.qbft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Optional;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.rpc.json.Hex;
import org.ailedger.node.rpc.json.RpcJson;

/** The validator list of a header's QBFT extra-data, as Besu's qbft_getValidatorsBy* answer it. */
final class Validators {
  private Validators() {}

  static JsonNode of(Optional<BlockHeader> header) {
    if (header.isEmpty()) {
      return NullNode.getInstance();
    }
    ArrayNode validators = RpcJson.array();
    header.get().qbftExtraData().validators().forEach(v -> validators.add(Hex.address(v)));
    return validators;
  }
}
