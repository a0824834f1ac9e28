package org.ailedger.cli.dataset;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ailedger.chaincode.bindings.DataProvenance;
import org.ailedger.cli.client.ClientException;
import org.ailedger.cli.client.LedgerClient;
import org.ailedger.cli.client.LedgerId;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;

/** Reads DataProvenance through its binding's views. */
final class DatasetReader {
  private final LedgerClient client;
  private final DataProvenance provenance;

  DatasetReader(LedgerClient client) {
    this.client = client;
    this.provenance = client.provenance();
  }

  record Dataset(
      Bytes32 id,
      Address owner,
      Bytes32 contentHash,
      String uri,
      String license,
      long attestedAtBlock,
      boolean revoked,
      BigInteger endorsements) {}

  /**
   * The dataset a user named. @throws ClientException if it does not exist, saying which name was
   * hashed
   */
  Dataset dataset(LedgerId id) {
    try {
      return dataset(id.value());
    } catch (ClientException e) {
      throw new ClientException(id.explain(e.getMessage()));
    }
  }

  /**
   * @throws ClientException with the contract's reason if it does not exist
   */
  Dataset dataset(Bytes32 id) {
    var t = client.view(provenance.getDataset(id.toArray()));
    return new Dataset(
        id,
        Address.fromHex(t.component1()),
        Bytes32.wrap(t.component2()),
        t.component3(),
        t.component4(),
        t.component5().longValueExact(),
        t.component6(),
        t.component7());
  }

  List<Bytes32> parents(Bytes32 id) {
    return ids(client.view(provenance.parentsOf(id.toArray())));
  }

  List<Bytes32> children(Bytes32 id) {
    return ids(client.view(provenance.childrenOf(id.toArray())));
  }

  /** The revoked dataset that taints this one (itself if revoked), empty if it is clean. */
  Optional<Bytes32> taintSource(Bytes32 id) {
    Bytes32 source = Bytes32.wrap(client.view(provenance.taintSource(id.toArray())));
    return source.isZero() ? Optional.empty() : Optional.of(source);
  }

  @SuppressWarnings("rawtypes")
  private static List<Bytes32> ids(List raw) {
    List<Bytes32> ids = new ArrayList<>();
    for (Object id : raw) {
      ids.add(Bytes32.wrap((byte[]) id));
    }
    return ids;
  }
}
