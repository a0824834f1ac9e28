package org.ailedger.node.rpc.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.ailedger.node.block.Block;
import org.ailedger.node.chain.BlockAdded;
import org.ailedger.node.rpc.FakeBackend;
import org.ailedger.node.rpc.TestJson;
import org.ailedger.node.rpc.filter.LogCriteria;
import org.junit.jupiter.api.Test;

class NotificationRendererTest {
  private final FakeBackend fake = new FakeBackend();
  private final Block block1 = fake.chain.blockAt(1);
  private final NotificationRenderer renderer =
      new NotificationRenderer(new BlockAdded(block1, fake.chain.receipts(block1.header().hash())));

  @Test
  void newHeadsGetsOneHeaderMessage() {
    List<String> messages = renderer.messagesFor(new Subscription.NewHeads("0x1"));

    assertThat(messages).hasSize(1);
    JsonNode message = TestJson.parse(messages.get(0));
    assertThat(message.get("method").asText()).isEqualTo("eth_subscription");
    assertThat(message.get("params").get("subscription").asText()).isEqualTo("0x1");
    assertThat(message.get("params").get("result").get("number").asText()).isEqualTo("0x1");
  }

  @Test
  void logsGetOneMessagePerMatchingLog() {
    List<String> token =
        renderer.messagesFor(
            new Subscription.Logs("0x2", new LogCriteria(Set.of(FakeBackend.TOKEN), List.of())));
    List<String> all = renderer.messagesFor(new Subscription.Logs("0x3", LogCriteria.ANY));
    List<String> none =
        renderer.messagesFor(
            new Subscription.Logs("0x4", new LogCriteria(Set.of(FakeBackend.BOB), List.of())));

    assertThat(token).hasSize(2);
    assertThat(all).hasSize(3);
    assertThat(none).isEmpty();
    assertThat(TestJson.parse(token.get(1)).get("params").get("result").get("logIndex").asText())
        .isEqualTo("0x2");
  }
}
