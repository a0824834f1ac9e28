package org.ailedger.cli.gov;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ailedger.chaincode.bindings.QuadraticGovernor;
import org.ailedger.cli.client.Accounts;
import org.ailedger.cli.client.ClientException;
import org.ailedger.cli.client.LedgerClient;
import org.ailedger.cli.client.LedgerOptions;
import org.ailedger.cli.client.Output;
import org.ailedger.cli.client.TransactionReport;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.governance.Parameter;
import org.ailedger.precompiles.governor.ProposalKind;
import org.ailedger.precompiles.permissions.Role;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "propose",
    mixinStandardHelpOptions = true,
    description = {
      "Proposes a change; voting opens votingDelay blocks later. The signer's member",
      "must have held proposalThreshold tokens in the previous block.",
      "Kinds and the options each takes:",
      "  set-parameter     --name PARAMETER --value VALUE",
      "  add-account       --account ADDR --member NAME|0xID",
      "  remove-account    --account ADDR",
      "  grant-role        --role ROLE --account ADDR",
      "  revoke-role       --role ROLE --account ADDR",
      "  add-node          --node ADDR",
      "  remove-node       --node ADDR",
      "  add-validator     --validator ADDR",
      "  remove-validator  --validator ADDR"
    })
final class GovPropose implements Callable<Integer> {
  @Mixin LedgerOptions ledger;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--kind",
      required = true,
      paramLabel = "KIND",
      converter = GovernanceNames.KindConverter.class,
      description = "What the proposal does: one of the kinds above.")
  ProposalKind kind;

  @Option(
      names = "--name",
      paramLabel = "PARAMETER",
      converter = ParameterValues.NameConverter.class,
      description =
          "The parameter to set: capBps, quorumBps (basis points); votingDelay, votingPeriod,"
              + " timelockBlocks (blocks); proposalThreshold, maxRewardPerRound (ACT).")
  Parameter name;

  @Option(
      names = "--value",
      paramLabel = "VALUE",
      description =
          "Its new value, in the parameter's unit: 1500, 30, or decimal tokens like 12.5.")
  String value;

  @Option(
      names = "--account",
      paramLabel = "ADDR",
      converter = Accounts.AddressConverter.class,
      description = "The account to add, remove, or grant or revoke a role.")
  Address account;

  @Option(
      names = "--member",
      paramLabel = "NAME|0xID",
      converter = GovernanceNames.MemberConverter.class,
      description =
          "The member (organisation) a new account belongs to: its name as in the genesis, or its id.")
  Bytes32 member;

  @Option(
      names = "--role",
      paramLabel = "ROLE",
      converter = GovernanceNames.RoleConverter.class,
      description = "MODEL_OWNER, AGGREGATOR, CONTRIBUTOR or AUDITOR.")
  Role role;

  @Option(
      names = "--node",
      paramLabel = "ADDR",
      converter = Accounts.AddressConverter.class,
      description = "The node (the address of its key) to allow or disallow.")
  Address node;

  @Option(
      names = "--validator",
      paramLabel = "ADDR",
      converter = Accounts.AddressConverter.class,
      description = "The validator (the address of its node key) to add or remove.")
  Address validator;

  @Option(
      names = "--description",
      paramLabel = "TEXT",
      defaultValue = "",
      description = "Why, for the voters (at most 2048 bytes of UTF-8).")
  String description;

  @Override
  public Integer call() {
    Bytes payload = payload();
    try (LedgerClient client = ledger.connect()) {
      String data =
          GovernorReader.atHead(client)
              .governor()
              .propose(BigInteger.valueOf(kind.code()), payload.toArray(), description)
              .encodeFunctionCall();
      TransactionReceipt receipt = client.send(NativeAddresses.QUADRATIC_GOVERNOR, data);
      ProposalView proposal = created(receipt);
      ObjectNode result = Output.object().put("proposalId", proposal.id());
      result.set("action", proposal.action());
      proposal.describeTerms(result);
      ledger.output().print(TransactionReport.describe(receipt, result));
    }
    return 0;
  }

  /** The kind's payload from the options it takes, refusing missing and foreign options. */
  private Bytes payload() {
    List<String> takes = options(kind);
    Map<String, Object> given = new LinkedHashMap<>();
    given.put("--name", name);
    given.put("--value", value);
    given.put("--account", account);
    given.put("--member", member);
    given.put("--role", role);
    given.put("--node", node);
    given.put("--validator", validator);
    String kindName = GovernanceNames.kindName(kind);
    List<String> missing = takes.stream().filter(option -> given.get(option) == null).toList();
    if (!missing.isEmpty()) {
      throw usage("--kind " + kindName + " needs " + String.join(" and ", takes));
    }
    for (Map.Entry<String, Object> option : given.entrySet()) {
      if (option.getValue() != null && !takes.contains(option.getKey())) {
        throw usage(
            option.getKey()
                + " does not apply to --kind "
                + kindName
                + ", which takes "
                + String.join(" and ", takes));
      }
    }
    return switch (kind) {
      case SET_PARAMETER -> {
        try {
          yield ProposalPayload.setParameter(name, ParameterValues.parse(name, value));
        } catch (IllegalArgumentException e) {
          throw usage(e.getMessage());
        }
      }
      case ADD_ACCOUNT -> ProposalPayload.addAccount(account, member);
      case REMOVE_ACCOUNT -> ProposalPayload.address(account);
      case GRANT_ROLE, REVOKE_ROLE -> ProposalPayload.role(role, account);
      case ADD_NODE, REMOVE_NODE -> ProposalPayload.address(node);
      case ADD_VALIDATOR, REMOVE_VALIDATOR -> ProposalPayload.address(validator);
    };
  }

  private static List<String> options(ProposalKind kind) {
    return switch (kind) {
      case SET_PARAMETER -> List.of("--name", "--value");
      case ADD_ACCOUNT -> List.of("--account", "--member");
      case REMOVE_ACCOUNT -> List.of("--account");
      case GRANT_ROLE, REVOKE_ROLE -> List.of("--role", "--account");
      case ADD_NODE, REMOVE_NODE -> List.of("--node");
      case ADD_VALIDATOR, REMOVE_VALIDATOR -> List.of("--validator");
    };
  }

  /** The new proposal as the governor's ProposalCreated and ProposalTerms events describe it. */
  private ProposalView created(TransactionReceipt receipt) {
    var createdEvents =
        QuadraticGovernor.getProposalCreatedEvents(receipt).stream()
            .filter(
                e -> NativeAddresses.QUADRATIC_GOVERNOR.equals(Address.fromHex(e.log.getAddress())))
            .toList();
    var termsEvents =
        QuadraticGovernor.getProposalTermsEvents(receipt).stream()
            .filter(
                e -> NativeAddresses.QUADRATIC_GOVERNOR.equals(Address.fromHex(e.log.getAddress())))
            .toList();
    if (createdEvents.size() != 1 || termsEvents.size() != 1) {
      throw new ClientException(
          "transaction "
              + receipt.getTransactionHash()
              + " was mined but its receipt lacks the ProposalCreated and ProposalTerms events");
    }
    var c = createdEvents.get(0);
    var t = termsEvents.get(0);
    ProposalKind created = ProposalKind.fromCode(UInt256.valueOf(c.kind)).orElse(kind);
    return new ProposalView(
        c.proposalId.longValueExact(),
        Address.fromHex(c.proposer),
        Bytes32.wrap(c.memberId),
        created,
        Bytes.wrap(c.payload),
        c.description,
        c.snapshotBlock.longValueExact(),
        c.voteStart.longValueExact(),
        c.voteEnd.longValueExact(),
        t.eta.longValueExact(),
        t.expiresAt.longValueExact(),
        t.quorum,
        t.cap,
        c.quadraticTotal);
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
