package org.ailedger.node.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.ailedger.node.execution.ForkSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenesisParserTest {
  private final GenesisParser parser = new GenesisParser();
  private final String devnet = new GenesisWriter().write(DevnetGenesis.spec(1));

  @Test
  void readsWhatTheWriterWrites() {
    GenesisConfig genesis = parser.parse(devnet);

    assertThat(genesis.alloc()).hasSize(138);
    assertThat(genesis.nodes()).isEqualTo(genesis.validators());
  }

  @Test
  void readsTheForkKeysBesuStyleAndTheDevnetRunsCancunFromGenesis() {
    assertThat(parser.parse(devnet).forks())
        .isEqualTo(new ForkSchedule(OptionalLong.of(0), OptionalLong.of(0), OptionalLong.of(0)));
    assertThat(parser.parse(devnet).forks().cancunAt(0)).isTrue();

    GenesisConfig later =
        parser.parse(
            devnet
                .replace("\"shanghaiTime\" : 0", "\"shanghaiTime\" : \"0x10\"")
                .replace("\"cancunTime\" : 0", "\"cancunTime\" : 1800000000"));
    assertThat(later.forks().cancunAt(1_799_999_999L)).isFalse();
    assertThat(later.forks().cancunAt(1_800_000_000L)).isTrue();
    assertThat(later.forks().shanghaiTime()).hasValue(16);

    GenesisConfig none = parser.parse(devnet.replace("\"cancunTime\" : 0,", ""));
    assertThat(none.forks().evmConfigured()).isFalse();
    assertThat(none.forks().notActiveReason(5)).contains("config.cancunTime");
  }

  @Test
  void refusesCancunBeforeShanghaiAndANegativeForkTime() {
    assertThatThrownBy(
            () -> parser.parse(devnet.replace("\"shanghaiTime\" : 0", "\"shanghaiTime\" : 100")))
        .isInstanceOf(GenesisFileException.class)
        .hasMessageContaining("cancunTime is before shanghaiTime");
    assertThatThrownBy(
            () -> parser.parse(devnet.replace("\"cancunTime\" : 0", "\"cancunTime\" : -1")))
        .isInstanceOf(GenesisFileException.class)
        .hasMessageContaining("config.cancunTime");
  }

  @Test
  void namesTheMissingField() {
    assertThatThrownBy(() -> parser.parse(devnet.replace("\"qbft\"", "\"ibft2\"")))
        .isInstanceOf(GenesisFileException.class)
        .hasMessageContaining("'qbft'");
  }

  @Test
  void refusesANonQbftMixHash() {
    assertThatThrownBy(
            () ->
                parser.parse(
                    devnet.replace(
                        "0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365",
                        "0x0000000000000000000000000000000000000000000000000000000000000000")))
        .isInstanceOf(GenesisFileException.class)
        .hasMessageContaining("mixHash");
  }

  @Test
  void refusesMalformedJsonWithAReason() {
    assertThatThrownBy(() -> parser.parse("{\"config\": "))
        .isInstanceOf(GenesisFileException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void refusesAMemberNameLongerThanABytes32() {
    assertThatThrownBy(() -> MemberIds.parse("a-member-name-that-is-far-too-long-for-32"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(MemberIds.format(MemberIds.parse("acme-ai"))).isEqualTo("acme-ai");
  }

  @Test
  void readsEveryQbftKeyWhateverItsCase() {
    QbftOptions qbft =
        parser
            .parse(
                withQbft(
                    q -> {
                      q.removeAll();
                      q.put("blockPeriodSeconds", 2);
                      q.put("emptyblockperiodseconds", 30);
                      q.put("epochlength", 100);
                      q.put("requesttimeoutseconds", 6);
                      q.put("createemptyblocks", false);
                      q.put("messageQueueLimit", 11);
                      q.put("duplicatemessagelimit", 12);
                      q.put("gossipedhistorylimit", 13);
                      q.put("futuremessageslimit", 14);
                      q.put("FUTUREMESSAGESMAXDISTANCE", 15);
                    }))
            .qbft();

    assertThat(qbft).isEqualTo(new QbftOptions(2, 30, 100, 6, false, 11, 12, 13, 14, 15));
  }

  @Test
  void absentQbftKeysTakeBesusDefaults() {
    QbftOptions qbft = parser.parse(withQbft(ObjectNode::removeAll)).qbft();

    assertThat(qbft).isEqualTo(QbftOptions.defaults(1));
    assertThat(qbft.messageQueueLimit()).isEqualTo(1000);
    assertThat(qbft.duplicateMessageLimit()).isEqualTo(100);
    assertThat(qbft.gossipedHistoryLimit()).isEqualTo(1000);
    assertThat(qbft.futureMessagesLimit()).isEqualTo(1000);
    assertThat(qbft.futureMessagesMaxDistance()).isEqualTo(10);
  }

  @ParameterizedTest
  @CsvSource({
    "messagequeuelimit, 0",
    "duplicatemessagelimit, -1",
    "gossipedhistorylimit, 2.5",
    "futuremessageslimit, '\"1000\"'",
    "futuremessagesmaxdistance, 4294967296",
    "blockperiodseconds, 0",
    "blockperiodseconds, 4294967297",
    "requesttimeoutseconds, -4",
    "createemptyblocks, '\"no\"'",
    "emptyblockperiodseconds, -1",
    "xemptyblockperiodseconds, 1.5",
  })
  void refusesAQbftValueOutOfRangeNamingTheKey(String key, String json) {
    assertThatThrownBy(() -> parser.parse(withQbft(q -> q.removeAll().set(key, json(json)))))
        .isInstanceOf(GenesisFileException.class)
        .hasMessageContaining(key);
  }

  @Test
  void theEmptyBlockPeriodIsTheBlockPeriodUnlessGiven() {
    QbftOptions qbft =
        parser
            .parse(
                withQbft(
                    q -> {
                      q.removeAll();
                      q.put("blockperiodseconds", 3);
                    }))
            .qbft();

    assertThat(qbft.emptyBlockPeriodSeconds()).isEqualTo(3);
    assertThat(qbft.emptyBlockDueMillis(100)).isEqualTo(103_000);
  }

  @Test
  void readsBesusEarlierNameForTheEmptyBlockPeriodAndItsZero() {
    assertThat(
            parser
                .parse(withQbft(q -> q.removeAll().put("xemptyblockperiodseconds", 60)))
                .qbft()
                .emptyBlockPeriodSeconds())
        .isEqualTo(60);
    QbftOptions zero = parser.parse(withQbft(q -> q.put("emptyblockperiodseconds", 0))).qbft();
    assertThat(zero.emptyBlockPeriodSeconds()).isZero();
    assertThat(zero.emptyBlockDueMillis(100))
        .as("no sooner than the block period")
        .isEqualTo(101_000);
  }

  @Test
  void acceptsBothNamesOfTheEmptyBlockPeriodOnlyWhenTheyAgree() {
    QbftOptions both =
        parser
            .parse(
                withQbft(
                    q -> {
                      q.put("emptyblockperiodseconds", 30);
                      q.put("xemptyblockperiodseconds", 30);
                    }))
            .qbft();
    assertThat(both.emptyBlockPeriodSeconds()).isEqualTo(30);

    assertThatThrownBy(
            () ->
                parser.parse(
                    withQbft(
                        q -> {
                          q.put("emptyblockperiodseconds", 30);
                          q.put("xemptyblockperiodseconds", 60);
                        })))
        .isInstanceOf(GenesisFileException.class)
        .hasMessageContaining("emptyblockperiodseconds");
  }

  @Test
  void withoutCreateEmptyBlocksNoEmptyBlockIsEverDue() {
    QbftOptions qbft = parser.parse(withQbft(q -> q.put("createemptyblocks", false))).qbft();

    assertThat(qbft.emptyBlockDueMillis(100)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void refusesAQbftKeyGivenTwiceInDifferentCases() {
    assertThatThrownBy(
            () ->
                parser.parse(
                    withQbft(
                        q -> {
                          q.put("messagequeuelimit", 10);
                          q.put("messageQueueLimit", 20);
                        })))
        .isInstanceOf(GenesisFileException.class)
        .hasMessageContaining("messagequeuelimit");
  }

  private String withQbft(Consumer<ObjectNode> edit) {
    try {
      ObjectNode root = (ObjectNode) MAPPER.readTree(devnet);
      edit.accept((ObjectNode) root.path("config").path("qbft"));
      return MAPPER.writeValueAsString(root);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
}
