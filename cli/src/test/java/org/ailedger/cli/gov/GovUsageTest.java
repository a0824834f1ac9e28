package org.ailedger.cli.gov;

import static org.assertj.core.api.Assertions.assertThat;

import org.ailedger.cli.InProcessDevnet;
import org.ailedger.cli.InProcessDevnet.Result;
import org.junit.jupiter.api.Test;

/** What the governance commands refuse before they reach a node. */
class GovUsageTest {
  /** Nothing listens on port 1, so a command that did connect would fail with exit 1, not 2. */
  private static final String NO_NODE = "--rpc=http://127.0.0.1:1";

  @Test
  void theGovernanceCommandsAreListedInTheHelp() {
    assertThat(InProcessDevnet.offline("--help").out()).contains("gov");
    assertThat(InProcessDevnet.offline("gov", "--help").out())
        .contains("propose", "vote", "execute", "cancel", "show", "power");
    assertThat(InProcessDevnet.offline("gov", "propose", "--help").out())
        .contains("set-parameter", "add-account", "grant-role", "remove-validator");
  }

  @Test
  void aKindWithoutItsOptionsNamesWhatItNeeds() {
    Result result = propose("--kind", "grant-role", "--account", "dev:6");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("--kind grant-role needs --role and --account");
  }

  @Test
  void anOptionOfAnotherKindIsRefused() {
    Result result = propose("--kind", "add-node", "--node", "dev:1", "--role", "AUDITOR");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .contains("--role does not apply to --kind add-node, which takes --node");
  }

  @Test
  void anUnknownKindListsTheKinds() {
    Result result = propose("--kind", "mint");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .contains("unknown proposal kind 'mint'", "set-parameter", "remove-validator");
  }

  @Test
  void anUnknownRoleListsTheRoles() {
    Result result = propose("--kind", "grant-role", "--role", "ADMIN", "--account", "dev:6");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .contains("unknown role 'ADMIN'", "MODEL_OWNER, AGGREGATOR, CONTRIBUTOR, AUDITOR");
  }

  @Test
  void anUnknownParameterListsTheParameters() {
    Result result = propose("--kind", "set-parameter", "--name", "blockTime", "--value", "2");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .contains("unknown parameter 'blockTime'", "capBps", "maxRewardPerRound");
  }

  @Test
  void aFractionOfABasisPointIsRefused() {
    Result result = propose("--kind", "set-parameter", "--name", "capBps", "--value", "15.5");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("capBps takes a whole number of basis points, got '15.5'");
  }

  @Test
  void aMemberNameLongerThan32CharactersIsRefused() {
    Result result =
        propose("--kind", "add-account", "--account", "dev:11", "--member", "x".repeat(33));

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("a member is a name of 1 to 32 ASCII characters");
  }

  @Test
  void aVoteIsForAgainstOrAbstain() {
    Result result =
        InProcessDevnet.offline(
            "gov", "vote", "--key", "dev:0", "--proposal", "1", "--support", "yes", NO_NODE);

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("a vote is for, against or abstain, got 'yes'");
  }

  @Test
  void proposalZeroDoesNotExist() {
    Result result =
        InProcessDevnet.offline("gov", "execute", "--key", "dev:0", "--proposal", "0", NO_NODE);

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("proposals are numbered from 1, got 0");
  }

  private static Result propose(String... options) {
    String[] args = new String[options.length + 4];
    args[0] = "gov";
    args[1] = "propose";
    args[2] = "--key=dev:0";
    System.arraycopy(options, 0, args, 3, options.length);
    args[args.length - 1] = NO_NODE;
    return InProcessDevnet.offline(args);
  }
}
