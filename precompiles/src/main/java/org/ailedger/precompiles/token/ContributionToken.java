package org.ailedger.precompiles.token;

import static org.ailedger.precompiles.abi.AbiFunction.nonpayable;
import static org.ailedger.precompiles.abi.AbiFunction.view;
import static org.ailedger.precompiles.abi.AbiValues.bool;
import static org.ailedger.precompiles.abi.AbiValues.string;
import static org.ailedger.precompiles.abi.AbiValues.uint256;

import java.util.List;
import org.ailedger.precompiles.AbiContract;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.abi.AbiEvent;
import org.ailedger.precompiles.abi.AbiFunction;
import org.ailedger.precompiles.abi.FunctionTable;
import org.ailedger.types.Address;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * The ContributionToken (ACT) at 0x…1003: an ERC-20 token minted only by genesis ({@link
 * TokenGenesis}) and by round finalisation in the ModelRegistry ({@link TokenLedger#mint}), held
 * only by permitted accounts, with the checkpoints quadratic voting needs: per account, for total
 * supply, per member raw balance and for {@code Q = sum over members of isqrt(raw(m))}.
 *
 * <p>Storage layout, as Solidity would lay out the same state variables ({@code Checkpoint[]} is
 * {@link Checkpoints}: length at its slot, entry i at {@code keccak256(slot) + i}, each entry one
 * word holding {@code fromBlock} in the high 8 bytes and the value in the low 24):
 *
 * <pre>
 * slot 0  mapping(address => Checkpoint[]) balances        last entry is the current balance
 * slot 1  mapping(address owner => mapping(address spender => uint256)) allowances
 * slot 2  Checkpoint[] totalSupply
 * slot 3  mapping(bytes32 member => Checkpoint[]) raw      sum over the member's permitted accounts
 * slot 4  Checkpoint[] quadraticTotal                      Q
 * </pre>
 *
 * The checkpoints are the only record of each value, so current and past values cannot disagree.
 *
 * <p>Gas: each function's fixed cost covers decoding, slot-key hashing and square roots; slot reads
 * (a binary search reads O(log n) of them), writes and logs are metered on top.
 */
public final class ContributionToken implements AbiContract {
  public static final Address ADDRESS = TokenLedger.ADDRESS;
  public static final String NAME = "ContributionToken";

  /** ERC-20 metadata as wallets display it. */
  public static final String TOKEN_NAME = "AI Contribution Token";

  public static final String SYMBOL = "ACT";
  public static final int DECIMALS = 18;

  private static final long CONSTANT_GAS = 20;
  private static final long READ_GAS = 200;
  private static final long WRITE_GAS = 1_000;

  private final FunctionTable functions = FunctionTable.of(NAME, declarations());

  @Override
  public Address address() {
    return ADDRESS;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public FunctionTable functions() {
    return functions;
  }

  @Override
  public List<AbiEvent> events() {
    return List.of(TokenEvents.TRANSFER, TokenEvents.APPROVAL);
  }

  private static List<AbiFunction> declarations() {
    return List.of(
        // ERC-20 metadata and views
        view("name() returns (string)", CONSTANT_GAS, (state, args) -> List.of(string(TOKEN_NAME))),
        view("symbol() returns (string)", CONSTANT_GAS, (state, args) -> List.of(string(SYMBOL))),
        view(
            "decimals() returns (uint8)",
            CONSTANT_GAS,
            (state, args) -> List.of(new Uint8(DECIMALS))),
        view(
            "totalSupply() returns (uint256)",
            READ_GAS,
            (state, args) -> List.of(uint256(ledger(state).totalSupply()))),
        view(
            "balanceOf(address account) returns (uint256)",
            READ_GAS,
            (state, args) -> List.of(uint256(ledger(state).balanceOf(args.address(0))))),
        view(
            "allowance(address owner, address spender) returns (uint256)",
            READ_GAS,
            (state, args) ->
                List.of(uint256(ledger(state).allowance(args.address(0), args.address(1))))),
        // ERC-20 writes
        nonpayable(
            "transfer(address to, uint256 amount) returns (bool)",
            WRITE_GAS,
            (state, args) -> {
              ledger(state).transfer(args.address(0), args.uint(1));
              return List.of(bool(true));
            }),
        nonpayable(
            "approve(address spender, uint256 amount) returns (bool)",
            WRITE_GAS,
            (state, args) -> {
              ledger(state).approve(args.address(0), args.uint(1));
              return List.of(bool(true));
            }),
        nonpayable(
            "transferFrom(address from, address to, uint256 amount) returns (bool)",
            WRITE_GAS,
            (state, args) -> {
              ledger(state).transferFrom(args.address(0), args.address(1), args.uint(2));
              return List.of(bool(true));
            }),
        // checkpoints for quadratic voting
        view(
            "getPastBalance(address account, uint256 blockNumber) returns (uint256)",
            READ_GAS,
            (state, args) ->
                List.of(
                    uint256(
                        ledger(state)
                            .pastBalance(
                                args.address(0), TokenLedger.mined(state, args.uint(1)))))),
        view(
            "getPastTotalSupply(uint256 blockNumber) returns (uint256)",
            READ_GAS,
            (state, args) ->
                List.of(
                    uint256(
                        ledger(state).pastTotalSupply(TokenLedger.mined(state, args.uint(0)))))),
        view(
            "getMemberBalance(bytes32 memberId) returns (uint256)",
            READ_GAS,
            (state, args) -> List.of(uint256(ledger(state).memberBalance(args.bytes32(0))))),
        view(
            "getPastMemberBalance(bytes32 memberId, uint256 blockNumber) returns (uint256)",
            READ_GAS,
            (state, args) ->
                List.of(
                    uint256(
                        ledger(state)
                            .pastMemberBalance(
                                args.bytes32(0), TokenLedger.mined(state, args.uint(1)))))),
        view(
            "getQuadraticTotal() returns (uint256)",
            READ_GAS,
            (state, args) -> List.of(uint256(ledger(state).quadraticTotal()))),
        view(
            "getPastQuadraticTotal(uint256 blockNumber) returns (uint256)",
            READ_GAS,
            (state, args) ->
                List.of(
                    uint256(
                        ledger(state)
                            .pastQuadraticTotal(TokenLedger.mined(state, args.uint(0)))))));
  }

  private static TokenLedger ledger(ContractState state) {
    return TokenLedger.of(state);
  }
}
