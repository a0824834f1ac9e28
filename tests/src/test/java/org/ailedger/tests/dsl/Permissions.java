package org.ailedger.tests.dsl;

import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The Permissions native contract as a client calls it: its address, role ids, call data and the
 * {@code RoleRevoked} event, all built with web3j's ABI encoder rather than the node's own code.
 */
public final class Permissions {
  public static final String ADDRESS = "0x0000000000000000000000000000000000001000";
  public static final String ROLE_REVOKED_SIGNATURE = "RoleRevoked(bytes32,address)";
  public static final String ROLE_REVOKED_TOPIC = Hash.sha3String(ROLE_REVOKED_SIGNATURE);
  public static final String ROLE_GRANTED_TOPIC = Hash.sha3String("RoleGranted(bytes32,address)");

  /** Views as {@code cast call} takes them, return types included. */
  public static final String HAS_ROLE_CALL = "hasRole(bytes32,address)(bool)";

  public static final String MEMBER_OF_CALL = "memberOf(address)(bytes32)";
  public static final String GET_MEMBERS_CALL = "getMembers()(bytes32[])";
  public static final String GET_MEMBER_ACCOUNTS_CALL = "getMemberAccounts(bytes32)(address[])";

  private Permissions() {}

  /** Role id = keccak256 of the role's name, e.g. {@code role("CONTRIBUTOR")}. */
  public static String role(String name) {
    return Hash.sha3String(name);
  }

  public static String renounceRole(String role) {
    return encode("renounceRole", new Bytes32(Numeric.hexStringToByteArray(role)));
  }

  public static String hasRole(String role, String account) {
    return encode("hasRole", new Bytes32(Numeric.hexStringToByteArray(role)), new Address(account));
  }

  public static String isAccountAllowed(String account) {
    return encode("isAccountAllowed", new Address(account));
  }

  /** An address as an indexed event topic: left-padded to 32 bytes. */
  public static String topic(String address) {
    return Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(address), 64);
  }

  /** Decodes an ABI-encoded {@code bool} return value, rejecting anything but 0 or 1. */
  public static boolean decodeBool(String returnData) {
    byte[] bytes = Numeric.hexStringToByteArray(returnData);
    if (bytes.length != 32) {
      throw new AssertionError("a bool return value has 32 bytes, got " + returnData);
    }
    java.math.BigInteger value = new java.math.BigInteger(1, bytes);
    if (value.bitLength() > 1) {
      throw new AssertionError("not an ABI bool: " + returnData);
    }
    return value.testBit(0);
  }

  private static String encode(String name, org.web3j.abi.datatypes.Type<?>... args) {
    return FunctionEncoder.encode(new Function(name, List.of(args), List.of()));
  }
}
