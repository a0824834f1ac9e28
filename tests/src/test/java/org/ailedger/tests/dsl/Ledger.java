package org.ailedger.tests.dsl;

import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The ledger's native contracts as an outside client addresses them: their fixed addresses, the
 * function and event signatures exactly as a command-line tool takes them (DESIGN §4), event
 * topics, and ids derived from labels. Everything here is written from the published interfaces,
 * not from the node's code, so a drift shows up as a failing system test.
 */
public final class Ledger {
  public static final String MODEL_REGISTRY = "0x0000000000000000000000000000000000001001";
  public static final String DATA_PROVENANCE = "0x0000000000000000000000000000000000001002";
  public static final String CONTRIBUTION_TOKEN = "0x0000000000000000000000000000000000001003";
  public static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

  public static final String ATTEST = "attest(bytes32,bytes32,string,string,bytes32[])";
  public static final String REVOKE = "revoke(bytes32,bytes32)";
  public static final String IS_TAINTED = "isTainted(bytes32)(bool)";
  public static final String REGISTER_MODEL = "registerModel(bytes32,string,address)";
  public static final String OPEN_ROUND = "openRound(bytes32,uint64,bytes32,uint256,uint64)";
  public static final String SUBMIT_UPDATE =
      "submitUpdate(bytes32,uint64,bytes32,bytes32[],uint64,bytes32)";
  public static final String FINALIZE_ROUND =
      "finalizeRound(bytes32,uint64,bytes32,address[],uint256[])";
  public static final String GET_ROUND =
      "getRound(bytes32,uint64)(uint8,bytes32,uint256,uint64,bytes32,uint64,uint64,uint256)";
  public static final String GET_UPDATE =
      "getUpdate(bytes32,uint64,address)(uint8,bytes32,bytes32[],uint64,bytes32,uint64,uint256)";
  public static final String REPUTATION = "reputation(address)(int256)";
  public static final String BALANCE_OF = "balanceOf(address)(uint256)";
  public static final String TOTAL_SUPPLY = "totalSupply()(uint256)";
  public static final String GET_PAST_BALANCE = "getPastBalance(address,uint256)(uint256)";
  public static final String GET_PAST_MEMBER_BALANCE =
      "getPastMemberBalance(bytes32,uint256)(uint256)";
  public static final String GET_PAST_QUADRATIC_TOTAL = "getPastQuadraticTotal(uint256)(uint256)";

  /** Events with their indexed markers, the form {@code cast logs} needs to filter on topics. */
  public static final String UPDATE_SUBMITTED_EVENT =
      "UpdateSubmitted(bytes32 indexed modelId,uint64 indexed round,address indexed contributor,"
          + "bytes32 updateHash,uint64 sampleCount)";

  public static final String ROUND_FINALIZED_EVENT =
      "RoundFinalized(bytes32 indexed modelId,uint64 indexed round,bytes32 aggregateHash,"
          + "uint256 acceptedCount)";

  public static final String UPDATE_SUBMITTED_TOPIC =
      Hash.sha3String("UpdateSubmitted(bytes32,uint64,address,bytes32,uint64)");
  public static final String ROUND_FINALIZED_TOPIC =
      Hash.sha3String("RoundFinalized(bytes32,uint64,bytes32,uint256)");
  public static final String CONTRIBUTION_REWARDED_TOPIC =
      Hash.sha3String("ContributionRewarded(bytes32,uint64,address,uint256,uint256)");
  public static final String REPUTATION_CHANGED_TOPIC =
      Hash.sha3String("ReputationChanged(address,int256,int256)");
  public static final String TRANSFER_TOPIC = Hash.sha3String("Transfer(address,address,uint256)");

  /** Round status of {@code getRound}: finalized. */
  public static final int ROUND_FINALIZED = 2;

  /** Update statuses of {@code getUpdate}. */
  public static final int UPDATE_NONE = 0;

  public static final int UPDATE_SUBMITTED = 1;
  public static final int UPDATE_ACCEPTED = 2;
  public static final int UPDATE_REJECTED = 3;

  private static final String ERROR_SELECTOR = "0x08c379a0";

  private Ledger() {}

  /** A 32-byte id or hash derived from a label: keccak256 of its UTF-8 bytes, 0x-prefixed. */
  public static String id(String label) {
    return Hash.sha3String(label);
  }

  /** An address as an indexed event topic: left-padded to 32 bytes, lower case. */
  public static String topic(String address) {
    return Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(address), 64);
  }

  /** An unsigned number as an indexed event topic or ABI word. */
  public static String topic(long value) {
    return Numeric.toHexStringWithPrefixZeroPadded(BigInteger.valueOf(value), 64);
  }

  /** The {@code index}-th 32-byte word of ABI-encoded data, 0x-prefixed. */
  public static String word(String data, int index) {
    String hex = Numeric.cleanHexPrefix(data);
    if (hex.length() < (index + 1) * 64) {
      throw new AssertionError("data has no word " + index + ": " + data);
    }
    return "0x" + hex.substring(index * 64, (index + 1) * 64);
  }

  /** The {@code index}-th word of ABI-encoded data as an unsigned number. */
  public static BigInteger uintWord(String data, int index) {
    return Numeric.toBigInt(word(data, index));
  }

  /**
   * Decodes Solidity's {@code Error(string)} revert data, as a receipt's {@code revertReason} or an
   * error's {@code data} carries it; fails the test for anything else.
   */
  public static String errorReason(String revertData) {
    if (revertData == null || !revertData.toLowerCase().startsWith(ERROR_SELECTOR)) {
      throw new AssertionError("not Error(string) revert data: " + revertData);
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    List<Type> decoded =
        FunctionReturnDecoder.decode(
            "0x" + revertData.substring(ERROR_SELECTOR.length()),
            (List) List.of(new TypeReference<Utf8String>() {}));
    if (decoded.size() != 1) {
      throw new AssertionError("Error(string) revert data without a string: " + revertData);
    }
    return ((Utf8String) decoded.getFirst()).getValue();
  }
}
