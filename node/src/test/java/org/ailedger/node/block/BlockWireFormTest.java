package org.ailedger.node.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.ailedger.node.crypto.BouncyCastleSecp256k1;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionSigner;
import org.ailedger.node.tx.UnsignedTransaction;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.web3j.rlp.RlpDecoder;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;

class BlockWireFormTest {
  private static final Address TO = Address.of(0x1003);
  private final TransactionSigner signer = new TransactionSigner(new BouncyCastleSecp256k1());
  private final Transaction legacy =
      signer.sign(
          UnsignedTransaction.legacy(0, UInt256.ONE, 21_000, TO, UInt256.ZERO, Bytes.EMPTY),
          1337,
          DevAccounts.account(2));
  private final Transaction typed =
      signer.sign(
          UnsignedTransaction.eip1559(
              1, UInt256.ZERO, UInt256.ZERO, 30_000, TO, UInt256.ZERO, Bytes.of(1, 2), List.of()),
          1337,
          DevAccounts.account(2));
  private final BlockHeader header =
      new BlockHeader(
          Bytes32.ZERO,
          BlockHeader.EMPTY_OMMERS_HASH,
          DevAccounts.account(0).address(),
          Bytes32.ZERO,
          Bytes32.ZERO,
          Bytes32.ZERO,
          LogsBloom.EMPTY,
          UInt256.ONE,
          7,
          30_000_000,
          0,
          1_700_000_000,
          QbftExtraData.genesis(List.of(DevAccounts.account(0).address())).encode(),
          BlockHeader.QBFT_MIX_HASH,
          0,
          UInt256.ZERO);
  private final Block block = new Block(header, List.of(legacy, typed));

  @Test
  void encodesLegacyTransactionsAsListsAndTypedOnesAsByteStringsLikeAnyEthereumClient() {
    // built independently with web3j's RLP: [header, [legacy list, typed envelope string], []]
    RlpType headerItem = RlpDecoder.decode(header.encode().toArrayUnsafe()).getValues().get(0);
    RlpType legacyItem = RlpDecoder.decode(legacy.encoded().toArrayUnsafe()).getValues().get(0);
    byte[] expected =
        RlpEncoder.encode(
            new RlpList(
                headerItem,
                new RlpList(legacyItem, RlpString.create(typed.encoded().toArrayUnsafe())),
                new RlpList()));

    assertThat(block.encode()).isEqualTo(Bytes.wrap(expected));
  }

  @Test
  void aBlockAndItsBodySurviveTheWireForm() {
    assertThat(Block.decode(block.encode())).isEqualTo(block);
    assertThat(BlockBody.decode(block.body().encode())).isEqualTo(block.body());
    assertThat(Block.decode(block.encode()).header().hash()).isEqualTo(header.hash());
  }

  @Test
  void refusesOmmersAWithdrawalsSlotAndTrailingBytes() {
    Bytes withOmmer =
        Bytes.wrap(
            RlpEncoder.encode(
                new RlpList(
                    RlpDecoder.decode(header.encode().toArrayUnsafe()).getValues().get(0),
                    new RlpList(),
                    new RlpList(
                        RlpDecoder.decode(header.encode().toArrayUnsafe()).getValues().get(0)))));
    Bytes withWithdrawals =
        Bytes.wrap(
            RlpEncoder.encode(
                new RlpList(
                    RlpDecoder.decode(header.encode().toArrayUnsafe()).getValues().get(0),
                    new RlpList(),
                    new RlpList(),
                    new RlpList())));

    assertThatThrownBy(() -> Block.decode(withOmmer)).hasMessageContaining("ommers");
    assertThatThrownBy(() -> Block.decode(withWithdrawals)).hasMessageContaining("3 items");
    assertThatThrownBy(() -> Block.decode(Bytes.concatenate(block.encode(), Bytes.of(0))))
        .hasMessageContaining("trailing");
  }

  @Test
  void refusesALegacyTransactionWrappedAsAByteStringAndABrokenTransaction() {
    Bytes wrappedLegacy =
        Bytes.wrap(
            RlpEncoder.encode(
                new RlpList(
                    new RlpList(RlpString.create(legacy.encoded().toArrayUnsafe())),
                    new RlpList())));
    Bytes truncated =
        Bytes.wrap(
            RlpEncoder.encode(
                new RlpList(
                    new RlpList(
                        RlpString.create(
                            typed.encoded().slice(0, typed.encoded().size() - 1).toArrayUnsafe())),
                    new RlpList())));

    assertThatThrownBy(() -> BlockBody.decode(wrappedLegacy))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a typed envelope");
    assertThatThrownBy(() -> BlockBody.decode(truncated))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("transaction 0");
  }

  @Test
  void refusesLengthPrefixesThatAreNotCanonicalOrRunPastTheInput() {
    // a 3-byte string written with the long form 0xb8 03
    Bytes longFormShortString = Bytes.fromHexString("0xc5b803616263");
    Bytes pastTheEnd = Bytes.fromHexString("0xc3850102");

    assertThatThrownBy(() -> BlockBody.decode(longFormShortString))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("malformed block body");
    assertThatThrownBy(() -> BlockBody.decode(pastTheEnd))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Optional.of(BlockBody.decode(new BlockBody(List.of()).encode())))
        .contains(new BlockBody(List.of()));
  }
}
