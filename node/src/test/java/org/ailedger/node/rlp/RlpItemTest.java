package org.ailedger.node.rlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class RlpItemTest {
  @Test
  void keepsTheRawBytesOfEveryNestedItem() {
    // [[0x01, "og"], ""]
    RlpItem item = RlpItem.parse(Bytes.fromHexString("0xc6c401826f6780"));

    assertThat(item).isInstanceOf(RlpItem.ListItem.class);
    RlpItem.ListItem outer = (RlpItem.ListItem) item;
    assertThat(outer.items()).hasSize(2);
    RlpItem.ListItem inner = (RlpItem.ListItem) outer.items().get(0);
    assertThat(inner.raw()).isEqualTo(Bytes.fromHexString("0xc401826f67"));
    assertThat(((RlpItem.Value) inner.items().get(1)).value())
        .isEqualTo(Bytes.fromHexString("0x6f67"));
    assertThat(((RlpItem.Value) outer.items().get(1)).value()).isEqualTo(Bytes.EMPTY);
  }

  @Test
  void readsLongForms() {
    Bytes fiftySix = Bytes.wrap(new byte[56]);
    Bytes encoded = Bytes.concatenate(Bytes.fromHexString("0xb838"), fiftySix);

    assertThat(((RlpItem.Value) RlpItem.parse(encoded)).value()).isEqualTo(fiftySix);
  }

  @Test
  void refusesEveryNonCanonicalOrIncompleteForm() {
    String[] bad = {
      "0x", // nothing
      "0x8101", // a byte below 0x80 with a prefix
      "0xb801" + "00", // long form for a short string
      "0xb90038" + "00".repeat(56), // length with a leading zero
      "0xc3" + "0102", // list shorter than it says
      "0x0102", // trailing byte
      "0xc2c181", // an item running past its list
    };
    for (String hex : bad) {
      assertThatThrownBy(() -> RlpItem.parse(Bytes.fromHexString(hex)))
          .as(hex)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void refusesANestingBombButNotTheDepthOfAMessage() {
    assertThat(RlpItem.parse(nested(RlpItem.MAX_DEPTH))).isInstanceOf(RlpItem.ListItem.class);
    assertThatThrownBy(() -> RlpItem.parse(nested(RlpItem.MAX_DEPTH + 1)))
        .hasMessageContaining("deeper");
  }

  /** {@code depth} lists, each holding only the next. */
  private static Bytes nested(int depth) {
    Bytes item = Bytes.fromHexString("0xc0");
    for (int i = 0; i < depth; i++) {
      item = Bytes.concatenate(Bytes.of(0xc0 + item.size()), item); // stays below 56 bytes
    }
    return item;
  }
}
