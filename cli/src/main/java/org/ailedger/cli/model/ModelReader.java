package org.ailedger.cli.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.ailedger.chaincode.bindings.ModelRegistry;
import org.ailedger.cli.client.ClientException;
import org.ailedger.cli.client.LedgerClient;
import org.ailedger.cli.client.LedgerId;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;

/** Reads ModelRegistry through its binding's views. */
final class ModelReader {
  private final LedgerClient client;
  private final ModelRegistry registry;

  ModelReader(LedgerClient client) {
    this.client = client;
    this.registry = client.models();
  }

  record Model(
      Address owner,
      Address aggregator,
      String metadataUri,
      long latestRound,
      long registeredAtBlock) {}

  record Round(
      long number,
      int status,
      Bytes32 baseModelHash,
      BigInteger rewardPool,
      long deadlineBlock,
      Bytes32 aggregateHash,
      long submissions,
      long accepted,
      BigInteger minted) {
    static final int NONE = 0;
    static final int OPEN = 1;

    String statusName() {
      return switch (status) {
        case 0 -> "none";
        case 1 -> "open";
        case 2 -> "finalized";
        default -> "unknown (" + status + ")";
      };
    }
  }

  record Update(
      Address contributor,
      int status,
      Bytes32 updateHash,
      List<Bytes32> datasetIds,
      long sampleCount,
      Bytes32 metricsHash,
      long submittedAtBlock,
      BigInteger reward) {
    static final int NONE = 0;

    String statusName() {
      return switch (status) {
        case 0 -> "none";
        case 1 -> "submitted";
        case 2 -> "accepted";
        case 3 -> "rejected";
        default -> "unknown (" + status + ")";
      };
    }
  }

  /**
   * @throws ClientException if the model was never registered
   */
  Model model(LedgerId model) {
    var t = client.view(registry.getModel(model.bytes()));
    Address owner = Address.fromHex(t.component1());
    if (owner.equals(Address.ZERO)) {
      throw new ClientException(model.explain("model " + model.hex() + " is not registered"));
    }
    return new Model(
        owner,
        Address.fromHex(t.component2()),
        t.component3(),
        t.component4().longValueExact(),
        t.component5().longValueExact());
  }

  Round round(LedgerId model, long round) {
    var t = client.view(registry.getRound(model.bytes(), BigInteger.valueOf(round)));
    return new Round(
        round,
        t.component1().intValueExact(),
        Bytes32.wrap(t.component2()),
        t.component3(),
        t.component4().longValueExact(),
        Bytes32.wrap(t.component5()),
        t.component6().longValueExact(),
        t.component7().longValueExact(),
        t.component8());
  }

  Update update(LedgerId model, long round, Address contributor) {
    var t =
        client.view(
            registry.getUpdate(
                model.bytes(), BigInteger.valueOf(round), contributor.toHexString()));
    List<Bytes32> datasets = new ArrayList<>();
    for (Object id : t.component3()) {
      datasets.add(Bytes32.wrap((byte[]) id));
    }
    return new Update(
        contributor,
        t.component1().intValueExact(),
        Bytes32.wrap(t.component2()),
        datasets,
        t.component4().longValueExact(),
        Bytes32.wrap(t.component5()),
        t.component6().longValueExact(),
        t.component7());
  }

  boolean updateTainted(LedgerId model, long round, Address contributor) {
    return client.view(
        registry.isUpdateTainted(
            model.bytes(), BigInteger.valueOf(round), contributor.toHexString()));
  }

  BigInteger reputation(Address contributor) {
    return client.view(registry.reputation(contributor.toHexString()));
  }

  /** The contributors who submitted to a round, in submission order. */
  List<Address> submitters(LedgerId model, long round) {
    List<Address> submitters = new ArrayList<>();
    for (Object address :
        client.view(registry.getSubmitters(model.bytes(), BigInteger.valueOf(round)))) {
      submitters.add(Address.fromHex((String) address));
    }
    return submitters;
  }
}
