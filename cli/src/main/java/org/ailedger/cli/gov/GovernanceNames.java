package org.ailedger.cli.gov;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.ailedger.node.genesis.MemberIds;
import org.ailedger.precompiles.governor.ProposalKind;
import org.ailedger.precompiles.governor.ProposalState;
import org.ailedger.precompiles.governor.Support;
import org.ailedger.precompiles.permissions.Role;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import picocli.CommandLine;

/**
 * How governance values are typed and shown: proposal kinds as {@code grant-role}, roles as {@code
 * CONTRIBUTOR}, votes as {@code for}, members as the readable names the genesis gives them. The
 * chain only sees codes, keccak256 ids and bytes32 words; the conversions live here once.
 */
final class GovernanceNames {
  private GovernanceNames() {}

  /** {@code GRANT_ROLE} → {@code grant-role}. */
  static String kindName(ProposalKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static ProposalKind kind(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(ProposalKind.values())
        .filter(kind -> kindName(kind).equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown proposal kind '"
                        + text
                        + "'; kinds are "
                        + Arrays.stream(ProposalKind.values())
                            .map(GovernanceNames::kindName)
                            .collect(Collectors.joining(", "))));
  }

  /**
   * A role name, in any case, with {@code _} or {@code -}: {@code CONTRIBUTOR}, {@code
   * model-owner}.
   */
  static Role role(String text) {
    String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(Role.values())
        .filter(role -> role.name().equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown role '"
                        + text
                        + "'; roles are "
                        + Arrays.stream(Role.values())
                            .map(Role::name)
                            .collect(Collectors.joining(", "))));
  }

  /** The role's name, or the id in hex if it is none of the known roles. */
  static String roleName(Bytes32 id) {
    return Role.fromId(id).map(Role::name).orElse(id.toHexString());
  }

  static Support support(String text) {
    String wanted = text.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(Support.values())
        .filter(s -> s.name().equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "a vote is for, against or abstain, got '" + text + "'"));
  }

  /** {@code FOR} → {@code for}; a code the CLI does not know as its number. */
  static String supportName(long code) {
    return Support.fromCode(UInt256.valueOf(code))
        .map(s -> s.name().toLowerCase(Locale.ROOT))
        .orElse(Long.toString(code));
  }

  static Optional<ProposalState> state(long code) {
    return Arrays.stream(ProposalState.values()).filter(s -> s.code() == code).findFirst();
  }

  /** E.g. {@code holder-two}, or hex for an id that is not a readable name. */
  static String memberName(Bytes32 id) {
    return MemberIds.format(id);
  }

  /** Converts {@code --kind}. */
  static final class KindConverter implements CommandLine.ITypeConverter<ProposalKind> {
    @Override
    public ProposalKind convert(String value) {
      return converted(() -> kind(value));
    }
  }

  /** Converts {@code --role}. */
  static final class RoleConverter implements CommandLine.ITypeConverter<Role> {
    @Override
    public Role convert(String value) {
      return converted(() -> role(value));
    }
  }

  /** Converts {@code --support}. */
  static final class SupportConverter implements CommandLine.ITypeConverter<Support> {
    @Override
    public Support convert(String value) {
      return converted(() -> support(value));
    }
  }

  /** Converts {@code --member}: a name of 1 to 32 ASCII characters, or 0x and 64 hex digits. */
  static final class MemberConverter implements CommandLine.ITypeConverter<Bytes32> {
    @Override
    public Bytes32 convert(String value) {
      return converted(
          () -> {
            try {
              return MemberIds.parse(value);
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException(
                  "a member is a name of 1 to 32 ASCII characters or 0x and 64 hex digits,"
                      + " got '"
                      + value
                      + "'");
            }
          });
    }
  }

  private static <T> T converted(Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
