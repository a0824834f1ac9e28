package org.ailedger.node.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ailedger.node.consensus.qbft.QbftFixtures;
import org.ailedger.node.tx.Transaction;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.web3j.rlp.RlpDecoder;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;

class BlockTest {
  private final BlockHeader genesis =
      QbftFixtures.genesis(QbftFixtures.addresses(QbftFixtures.validatorKeys(4)));
  private final Transaction legacy = QbftFixtures.legacyTransaction(0);
  private final Transaction typed = QbftFixtures.eip1559Transaction(3);
  private final Block block =
      new Block(
          QbftFixtures.proposal(genesis, 0, QbftFixtures.validatorKeys(4).get(0).address())
              .header(),
          List.of(legacy, typed));

  /**
   * The eth wire block {@code [header, [tx…], ommers]}: a legacy transaction nested as its list, a
   * typed one as a byte string of its EIP-2718 envelope (Besu's BlockBody/TransactionEncoder
   * layout), built independently with web3j's encoder.
   */
  @Test
  void encodesTheEthWireLayout() {
    RlpType header = parsed(block.header().encode());
    RlpType legacyList = parsed(legacy.encoded());
    RlpType typedString = RlpString.create(typed.encoded().toArrayUnsafe());
    byte[] expected =
        RlpEncoder.encode(new RlpList(header, new RlpList(legacyList, typedString), new RlpList()));

    assertThat(block.encode()).isEqualTo(Bytes.wrap(expected));
    assertThat(legacy.encoded().get(0) & 0xFF).isGreaterThanOrEqualTo(0xc0);
  }

  @Test
  void decodesWhatItEncodes() {
    assertThat(Block.decode(block.encode())).isEqualTo(block);
    Block empty = new Block(block.header(), List.of());
    assertThat(Block.decode(empty.encode())).isEqualTo(empty);
  }

  @Test
  void refusesOmmersTrailingBytesAndATypedTransactionWrappedAsALegacyString() {
    Bytes header = block.header().encode();
    Bytes withOmmer =
        org.apache.tuweni.rlp.RLP.encodeList(
            w -> {
              w.writeRLP(header);
              w.writeList(l -> {});
              w.writeList(l -> l.writeRLP(header));
            });
    Bytes legacyAsString =
        org.apache.tuweni.rlp.RLP.encodeList(
            w -> {
              w.writeRLP(header);
              w.writeList(l -> l.writeValue(legacy.encoded()));
              w.writeList(l -> {});
            });

    assertThatThrownBy(() -> Block.decode(withOmmer)).hasMessageContaining("ommers");
    assertThatThrownBy(() -> Block.decode(Bytes.concatenate(block.encode(), Bytes.of(0))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Block.decode(legacyAsString)).hasMessageContaining("type byte");
  }

  /** Already-encoded RLP, parsed by web3j so its encoder writes it back. */
  private static RlpType parsed(Bytes encoded) {
    return RlpDecoder.decode(encoded.toArrayUnsafe()).getValues().get(0);
  }
}
