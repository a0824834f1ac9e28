package org.ailedger.precompiles.permissions;

import static org.ailedger.precompiles.permissions.PermissionsHarness.abi;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random governance sequences against a plain-Java model of the rules: every call succeeds exactly
 * when the model says it should, and afterwards every enumeration, lookup and the storage footprint
 * agree with the model. Each case draws its sequence from {@code new Random(seed)}, so a failing
 * seed reproduces the same calls.
 */
class PermissionsPropertyTest {
  private static final int TRIES = 200;
  private static final int MAX_OPERATIONS = 60;
  private static final List<Address> ADDRESSES =
      IntStream.range(0, 5).mapToObj(i -> Address.of(0x100 + i)).toList();
  private static final List<Bytes32> MEMBERS =
      List.of(
          PermissionsFixtures.member("m0"),
          PermissionsFixtures.member("m1"),
          PermissionsFixtures.member("m2"));
  private static final Address FIRST_VALIDATOR = ADDRESSES.get(0);

  enum Kind {
    ADD_ACCOUNT,
    REMOVE_ACCOUNT,
    GRANT_ROLE,
    REVOKE_ROLE,
    ADD_NODE,
    REMOVE_NODE,
    ADD_VALIDATOR,
    REMOVE_VALIDATOR
  }

  record Op(Kind kind, int address, int member, Role role) {}

  /** The rules, restated over plain collections. */
  private static final class Model {
    final Map<Address, Bytes32> accounts = new LinkedHashMap<>();
    final Map<Role, Set<Address>> roles = new EnumMap<>(Role.class);
    final Set<Address> nodes = new HashSet<>(Set.of(FIRST_VALIDATOR));
    final Set<Address> validators = new HashSet<>(Set.of(FIRST_VALIDATOR));

    Model() {
      for (Role role : Role.values()) {
        roles.put(role, new HashSet<>());
      }
    }

    boolean apply(Op op) {
      Address a = ADDRESSES.get(op.address());
      return switch (op.kind()) {
        case ADD_ACCOUNT -> accounts.putIfAbsent(a, MEMBERS.get(op.member())) == null;
        case REMOVE_ACCOUNT -> {
          if (accounts.remove(a) == null) {
            yield false;
          }
          roles.values().forEach(holders -> holders.remove(a));
          yield true;
        }
        case GRANT_ROLE -> accounts.containsKey(a) && roles.get(op.role()).add(a);
        case REVOKE_ROLE -> roles.get(op.role()).remove(a);
        case ADD_NODE -> nodes.add(a);
        case REMOVE_NODE -> !validators.contains(a) && nodes.remove(a);
        case ADD_VALIDATOR -> nodes.contains(a) && validators.add(a);
        case REMOVE_VALIDATOR -> validators.size() > 1 && validators.remove(a);
      };
    }

    Set<Bytes32> members() {
      return new HashSet<>(accounts.values());
    }

    List<Address> accountsOf(Bytes32 member) {
      return accounts.entrySet().stream()
          .filter(e -> e.getValue().equals(member))
          .map(Map.Entry::getKey)
          .toList();
    }

    /** Length + element + position slot per non-empty set, plus one memberOf slot per account. */
    int expectedSlots() {
      List<Collection<?>> sets = new ArrayList<>();
      sets.add(accounts.keySet());
      sets.add(nodes);
      sets.add(validators);
      sets.add(members());
      sets.addAll(roles.values());
      for (Bytes32 member : members()) {
        sets.add(accountsOf(member));
      }
      return sets.stream().mapToInt(s -> s.isEmpty() ? 0 : 1 + 2 * s.size()).sum()
          + accounts.size();
    }
  }

  static LongStream seeds() {
    return LongStream.range(0, TRIES);
  }

  /**
   * Up to 60 calls, each kind, address, member and role uniform. The length is uniform, except that
   * one draw in ten is the empty or the longest sequence, so every run covers both ends.
   */
  private static List<Op> sequence(Random random) {
    int length =
        switch (random.nextInt(20)) {
          case 0 -> 0;
          case 1 -> MAX_OPERATIONS;
          default -> random.nextInt(MAX_OPERATIONS + 1);
        };
    Kind[] kinds = Kind.values();
    Role[] roles = Role.values();
    List<Op> ops = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      ops.add(
          new Op(
              kinds[random.nextInt(kinds.length)],
              random.nextInt(ADDRESSES.size()),
              random.nextInt(MEMBERS.size()),
              roles[random.nextInt(roles.length)]));
    }
    return ops;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void governanceSequencesMatchTheModel(long seed) {
    List<Op> ops = sequence(new Random(seed));
    PermissionsHarness chain =
        new PermissionsHarness(
            new PermissionsSpec(
                List.of(), List.of(), List.of(FIRST_VALIDATOR), List.of(FIRST_VALIDATOR)));
    Model model = new Model();

    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      boolean expected = model.apply(op);
      CallOutcome outcome = send(chain, op);
      assertThat(outcome.success())
          .as("seed %d, call %d: %s -> %s", seed, i, op, outcome.revertReason().orElse("success"))
          .isEqualTo(expected);
    }

    PermissionsView view = PermissionsView.of(chain.store);
    assertThat(chain.viewAddresses("getAccounts"))
        .as("seed %d, getAccounts", seed)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(model.accounts.keySet());
    assertThat(chain.viewAddresses("getNodes"))
        .as("seed %d, getNodes", seed)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(model.nodes);
    assertThat(chain.viewAddresses("getValidators"))
        .as("seed %d, getValidators", seed)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(model.validators);
    assertThat(chain.viewBytes32s("getMembers"))
        .as("seed %d, getMembers", seed)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(model.members());
    for (Role role : Role.values()) {
      assertThat(view.roleMembers(role))
          .as("seed %d, holders of %s", seed, role)
          .containsExactlyInAnyOrderElementsOf(model.roles.get(role));
    }
    for (Bytes32 member : MEMBERS) {
      assertThat(view.accountsOfMember(member))
          .as("seed %d, accounts of %s", seed, member)
          .containsExactlyInAnyOrderElementsOf(model.accountsOf(member));
    }
    for (Address a : ADDRESSES) {
      assertThat(view.memberOf(a))
          .as("seed %d, member of %s", seed, a)
          .isEqualTo(Optional.ofNullable(model.accounts.get(a)));
      assertThat(view.isNodeAllowed(a))
          .as("seed %d, node %s allowed", seed, a)
          .isEqualTo(model.nodes.contains(a));
    }
    assertThat(chain.store.slotsOf(NativeAddresses.PERMISSIONS))
        .as("seed %d, slots in use", seed)
        .hasSize(model.expectedSlots());
  }

  private static CallOutcome send(PermissionsHarness chain, Op op) {
    Address a = ADDRESSES.get(op.address());
    return switch (op.kind()) {
      case ADD_ACCOUNT -> chain.asGovernor("addAccount", abi(a), abi(MEMBERS.get(op.member())));
      case REMOVE_ACCOUNT -> chain.asGovernor("removeAccount", abi(a));
      case GRANT_ROLE -> chain.asGovernor("grantRole", abi(op.role().id()), abi(a));
      case REVOKE_ROLE -> chain.asGovernor("revokeRole", abi(op.role().id()), abi(a));
      case ADD_NODE -> chain.asGovernor("addNode", abi(a));
      case REMOVE_NODE -> chain.asGovernor("removeNode", abi(a));
      case ADD_VALIDATOR -> chain.asGovernor("addValidator", abi(a));
      case REMOVE_VALIDATOR -> chain.asGovernor("removeValidator", abi(a));
    };
  }
}
