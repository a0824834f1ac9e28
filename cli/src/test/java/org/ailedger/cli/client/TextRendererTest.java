package org.ailedger.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class TextRendererTest {
  @Test
  void fieldsBecomeAlignedWordLabels() {
    ObjectNode result =
        Output.object().put("modelId", "0xab").put("deadlineBlock", 12).put("uri", "");

    assertThat(TextRenderer.render(result))
        .containsExactly("model id:       0xab", "deadline block: 12", "uri:            (none)");
  }

  @Test
  void listsOfValuesAreOneLineAndListsOfObjectsAreItems() {
    ObjectNode result = Output.object();
    result.putArray("parents").add("0x01").add("0x02");
    result.putArray("children");
    result.putArray("events").addObject().put("event", "Transfer").put("value", "1.5");
    result.putObject("contributor").put("address", "0xcc").putNull("taintSource");

    assertThat(TextRenderer.render(result))
        .containsExactly(
            "parents:  0x01, 0x02",
            "children: (none)",
            "events:",
            "  - event: Transfer",
            "    value: 1.5",
            "contributor:",
            "  address:      0xcc",
            "  taint source: -");
  }
}
