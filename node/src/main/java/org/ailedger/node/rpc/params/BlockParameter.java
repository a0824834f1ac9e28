package org.ailedger.node.rpc.params;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.RpcError;
import org.ailedger.node.rpc.RpcException;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The block a query is about: a tag, a number, or (EIP-1898) a hash. QBFT finalizes every block
 * when it is committed and this node keeps no pending block, so "safe", "finalized" and "pending"
 * all name the head.
 */
public sealed interface BlockParameter {
  /** The head; also "safe" and "finalized". */
  record Latest() implements BlockParameter {}

  /** The head for block and state queries; nonce queries also count pooled transactions. */
  record Pending() implements BlockParameter {}

  record Earliest() implements BlockParameter {}

  record Number(long number) implements BlockParameter {
    public Number {
      if (number < 0) {
        throw new IllegalArgumentException("block number < 0: " + number);
      }
    }
  }

  /** Every committed block is canonical here (no reorgs), so requireCanonical needs no check. */
  record Hash(Bytes32 hash, boolean requireCanonical) implements BlockParameter {
    public Hash {
      if (hash == null) {
        throw new IllegalArgumentException("hash is required");
      }
    }
  }

  BlockParameter LATEST = new Latest();

  /** The header this parameter names, empty if the node does not have it. */
  default Optional<BlockHeader> header(ChainReader chain) {
    return switch (this) {
      case Latest l -> Optional.of(chain.head());
      case Pending p -> Optional.of(chain.head());
      case Earliest e -> chain.header(0);
      case Number n -> chain.header(n.number());
      case Hash h -> chain.header(h.hash());
    };
  }

  /** The header for a state query, which geth answers with "header not found" when absent. */
  default BlockHeader requireHeader(ChainReader chain) {
    return header(chain).orElseThrow(() -> RpcException.of(RpcError.HEADER_NOT_FOUND));
  }

  /** The block number named, which for a number may lie beyond the head. */
  default Optional<Long> number(ChainReader chain) {
    return switch (this) {
      case Latest l -> Optional.of(chain.head().number());
      case Pending p -> Optional.of(chain.head().number());
      case Earliest e -> Optional.of(0L);
      case Number n -> Optional.of(n.number());
      case Hash h -> chain.header(h.hash()).map(BlockHeader::number);
    };
  }

  /** A tag or a QUANTITY, as eth_getBlockByNumber and filters take it. */
  static BlockParameter numberOrTag(JsonNode node, String where) {
    if (node != null && node.isTextual()) {
      switch (node.textValue()) {
        case "latest", "safe", "finalized" -> {
          return LATEST;
        }
        case "pending" -> {
          return new Pending();
        }
        case "earliest" -> {
          return new Earliest();
        }
        default -> {
          return new Number(HexParser.quantityLong(node, where));
        }
      }
    }
    throw HexParser.invalid(
        where,
        "want a block number or one of \"latest\", \"earliest\", "
            + "\"pending\", \"safe\", \"finalized\", got "
            + HexParser.describe(node));
  }

  /**
   * A tag, a QUANTITY, a 32-byte block hash, or an EIP-1898 object {@code {"blockHash": …,
   * "requireCanonical": …}} or {@code {"blockNumber": …}}, as state queries take it.
   */
  static BlockParameter numberTagOrHash(JsonNode node, String where) {
    if (node != null && node.isObject()) {
      JsonNode hash = node.get("blockHash");
      JsonNode number = node.get("blockNumber");
      if (hash != null && number != null) {
        throw HexParser.invalid(where, "give either blockHash or blockNumber, not both");
      }
      if (hash != null) {
        JsonNode canonical = node.get("requireCanonical");
        if (canonical != null && !canonical.isBoolean() && !canonical.isNull()) {
          throw HexParser.invalid(where, "requireCanonical must be a boolean");
        }
        return new Hash(
            HexParser.hash(hash, where + ".blockHash"), canonical != null && canonical.asBoolean());
      }
      if (number != null) {
        return numberOrTag(number, where + ".blockNumber");
      }
      throw HexParser.invalid(where, "a block object needs blockHash or blockNumber");
    }
    if (node != null && node.isTextual() && node.textValue().length() == 66) {
      return new Hash(HexParser.hash(node, where), false);
    }
    return numberOrTag(node, where);
  }
}
