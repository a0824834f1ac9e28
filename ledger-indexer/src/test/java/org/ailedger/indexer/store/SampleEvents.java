package org.ailedger.indexer.store;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ailedger.indexer.event.DataProvenanceEvent;
import org.ailedger.indexer.event.DecodedLog;
import org.ailedger.indexer.event.EthAddress;
import org.ailedger.indexer.event.GovernorEvent;
import org.ailedger.indexer.event.LedgerEvent;
import org.ailedger.indexer.event.LogPosition;
import org.ailedger.indexer.event.ModelRegistryEvent;
import org.ailedger.indexer.event.ParameterName;
import org.ailedger.indexer.event.PermissionsEvent;
import org.ailedger.indexer.event.Role;
import org.ailedger.indexer.event.TokenEvent;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A small history touching every event of the five contracts, and the chain around it; shared with
 * the API's tests, which serve it.
 */
public final class SampleEvents {
  public static final BigInteger TOKEN = BigInteger.TEN.pow(18);
  public static final BigInteger POOL = TOKEN.multiply(BigInteger.valueOf(300));
  public static final Bytes32 MODEL = id("model");
  public static final Bytes32 PARENT = id("parent dataset");
  public static final Bytes32 CHILD = id("child dataset");
  public static final Bytes32 MEMBER = id("member");
  public static final EthAddress OWNER = address(1);
  public static final EthAddress AGGREGATOR = address(2);
  public static final EthAddress CONTRIBUTOR = address(3);
  public static final EthAddress AUDITOR = address(4);
  public static final EthAddress ZERO = address(0);

  private SampleEvents() {}

  public static Bytes32 id(String label) {
    return Bytes32.fromHexString(org.web3j.crypto.Hash.sha3String(label));
  }

  public static EthAddress address(int n) {
    return new EthAddress(Bytes.concatenate(Bytes.wrap(new byte[16]), Bytes.ofUnsignedInt(n)));
  }

  public static Block block(long number) {
    return new Block(number, blockHash(number), blockHash(number - 1), 1_700_000_000L + number);
  }

  public static Bytes32 blockHash(long number) {
    return id("block " + number);
  }

  public static Block genesisBlock() {
    return new Block(0, blockHash(0), Bytes32.ZERO, 1_700_000_000L);
  }

  public static GenesisState genesis() {
    Map<EthAddress, Bytes32> members = new LinkedHashMap<>();
    members.put(OWNER, MEMBER);
    members.put(CONTRIBUTOR, id("other member"));
    Map<Bytes32, List<EthAddress>> roles = new LinkedHashMap<>();
    roles.put(Role.MODEL_OWNER.id(), List.of(OWNER));
    roles.put(Role.CONTRIBUTOR.id(), List.of(CONTRIBUTOR, OWNER));
    Map<EthAddress, BigInteger> balances = new LinkedHashMap<>();
    balances.put(OWNER, TOKEN.multiply(BigInteger.valueOf(1_000_000)));
    balances.put(CONTRIBUTOR, BigInteger.ZERO);
    Map<String, BigInteger> parameters = new LinkedHashMap<>();
    parameters.put("capBps", BigInteger.valueOf(1000));
    parameters.put("maxRewardPerRound", TOKEN.multiply(BigInteger.valueOf(1000)));
    return new GenesisState(
        genesisBlock(),
        1337,
        members,
        roles,
        List.of(address(100)),
        List.of(address(100)),
        balances,
        parameters);
  }

  /** Every event of {@link #everyEvent()} in one batch after the genesis block, up to block 4. */
  public static Batch everyEventBatch() {
    List<Block> blocks = new ArrayList<>();
    for (long n = 1; n <= 3; n++) {
      blocks.add(block(n));
    }
    return new Batch(genesisBlock().cursor(), block(4), blocks, everyEvent());
  }

  /** Every event kind once, spread over blocks 1..4, in chain order. */
  public static List<DecodedLog> everyEvent() {
    List<LedgerEvent> events =
        List.of(
            new PermissionsEvent.AccountAdded(AUDITOR, MEMBER),
            new PermissionsEvent.RoleGranted(Role.AUDITOR.id(), AUDITOR),
            new PermissionsEvent.RoleRevoked(Role.AUDITOR.id(), AUDITOR),
            new PermissionsEvent.AccountRemoved(AUDITOR, MEMBER),
            new PermissionsEvent.NodeAdded(address(101)),
            new PermissionsEvent.NodeRemoved(address(101)),
            new PermissionsEvent.ValidatorAdded(address(101)),
            new PermissionsEvent.ValidatorRemoved(address(101)),
            new DataProvenanceEvent.DatasetAttested(
                PARENT, OWNER, id("content"), "s3://parent", "CC-BY-4.0", List.of()),
            new DataProvenanceEvent.DatasetAttested(
                CHILD,
                CONTRIBUTOR,
                id("content 2"),
                "s3://child",
                "research-only",
                List.of(PARENT)),
            new DataProvenanceEvent.AttestationRelayed(
                CHILD, CONTRIBUTOR, AGGREGATOR, BigInteger.ZERO),
            new DataProvenanceEvent.DatasetEndorsed(PARENT, AUDITOR),
            new ModelRegistryEvent.ModelRegistered(MODEL, OWNER, AGGREGATOR, "ipfs://model"),
            new ModelRegistryEvent.RoundOpened(MODEL, 1, id("base"), POOL, BigInteger.valueOf(99)),
            new ModelRegistryEvent.UpdateSubmitted(
                MODEL,
                1,
                CONTRIBUTOR,
                id("update"),
                BigInteger.TWO.pow(64).subtract(BigInteger.ONE)),
            new ModelRegistryEvent.UpdateDatasets(
                MODEL, 1, CONTRIBUTOR, List.of(PARENT, CHILD), id("metrics")),
            new TokenEvent.Transfer(ZERO, CONTRIBUTOR, POOL),
            new ModelRegistryEvent.ContributionRewarded(
                MODEL, 1, CONTRIBUTOR, BigInteger.valueOf(1200), POOL),
            new ModelRegistryEvent.ReputationChanged(CONTRIBUTOR, BigInteger.ONE, BigInteger.ONE),
            new ModelRegistryEvent.ReputationChanged(
                OWNER, BigInteger.ONE.negate(), BigInteger.valueOf(-3)),
            new ModelRegistryEvent.RoundFinalized(MODEL, 1, id("aggregate"), BigInteger.ONE),
            new DataProvenanceEvent.DatasetRevoked(PARENT, AUDITOR, id("reason")),
            new TokenEvent.Approval(CONTRIBUTOR, OWNER, TOKEN),
            new TokenEvent.Transfer(CONTRIBUTOR, OWNER, TOKEN),
            new GovernorEvent.ProposalCreated(
                1,
                OWNER,
                MEMBER,
                0,
                Bytes.fromHexString("0x1234"),
                "raise the cap",
                9,
                11,
                40,
                BigInteger.valueOf(1000)),
            new GovernorEvent.ProposalTerms(
                1, 43, 86443, BigInteger.valueOf(200), BigInteger.valueOf(100)),
            new GovernorEvent.VoteCast(
                1,
                OWNER,
                MEMBER,
                1,
                BigInteger.valueOf(100),
                TOKEN.multiply(BigInteger.valueOf(1_000_000))),
            new GovernorEvent.ParameterChanged(
                new ParameterName("capBps").padded(),
                BigInteger.valueOf(1000),
                BigInteger.valueOf(1500)),
            new GovernorEvent.ProposalExecuted(1),
            new GovernorEvent.ProposalCreated(
                2, OWNER, MEMBER, 5, Bytes.EMPTY, "", 50, 52, 81, BigInteger.valueOf(1000)),
            new GovernorEvent.ProposalCanceled(2));
    List<DecodedLog> logs = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      long number = 1 + i / 10;
      logs.add(
          new DecodedLog(
              new LogPosition(number, i % 10, blockHash(number), id("tx " + i), i % 10),
              events.get(i)));
    }
    return logs;
  }
}
