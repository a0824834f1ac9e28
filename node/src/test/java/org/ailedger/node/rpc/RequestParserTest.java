package org.ailedger.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestParserTest {
  private final RequestParser parser = new RequestParser(3);

  @Test
  void callWithoutIdIsANotification() {
    Envelope.Call call = (Envelope.Call) single("{\"jsonrpc\":\"2.0\",\"method\":\"m\"}");

    assertThat(call.isNotification()).isTrue();
  }

  @Test
  void callWithNullIdIsNotANotification() {
    Envelope.Call call =
        (Envelope.Call) single("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"m\"}");

    assertThat(call.isNotification()).isFalse();
    assertThat(call.id().orElseThrow().isNull()).isTrue();
  }

  @Test
  void bigAndDecimalIdsAreKeptExactly() {
    Envelope.Call call =
        (Envelope.Call)
            single(
                "{\"jsonrpc\":\"2.0\",\"id\":123456789012345678901234567890.10,\"method\":\"m\"}");

    assertThat(call.id().orElseThrow().toString()).isEqualTo("123456789012345678901234567890.10");
  }

  @Test
  void booleanIdIsInvalidAndAnsweredWithNullId() {
    Envelope.Invalid invalid =
        (Envelope.Invalid) single("{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"m\"}");

    assertThat(invalid.id().isNull()).isTrue();
    assertThat(invalid.message())
        .isEqualTo("invalid request: id must be a string, a number or null");
  }

  @Test
  void batchKeepsEveryElementInOrder() {
    ParsedBody.Batch batch =
        (ParsedBody.Batch)
            parser.parse(
                bytes(
                    "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\"},\"x\",{\"jsonrpc\":\"2.0\",\"method\":\"b\"}]"));

    assertThat(batch.envelopes()).hasSize(3);
    assertThat(batch.envelopes().get(0)).isInstanceOf(Envelope.Call.class);
    assertThat(batch.envelopes().get(1)).isInstanceOf(Envelope.Invalid.class);
    assertThat(((Envelope.Call) batch.envelopes().get(2)).method()).isEqualTo("b");
  }

  @Test
  void bodyLevelProblemsAreAnsweredAtOnce() {
    assertRefused("", -32700, "parse error: ");
    assertRefused("{\"a\":", -32700, "parse error: ");
    assertRefused("[]", -32600, "invalid request: empty batch");
    assertRefused(
        "[1,2,3,4]", -32600, "invalid request: batch of 4 requests exceeds the limit of 3");
  }

  @Test
  void parseErrorGivesThePositionWithoutEchoingTheBody() {
    ParsedBody.Refused refused = (ParsedBody.Refused) parser.parse(bytes("{\"secret\": nope}"));

    String message = refused.response().get("error").get("message").asText();
    assertThat(message).contains("line 1, column");
    assertThat(message).doesNotContain("secret");
  }

  private Envelope single(String json) {
    return ((ParsedBody.Single) parser.parse(bytes(json))).envelope();
  }

  private void assertRefused(String body, int code, String messageStart) {
    ParsedBody parsed = parser.parse(bytes(body));
    assertThat(parsed).as(body).isInstanceOf(ParsedBody.Refused.class);
    JsonNode response = ((ParsedBody.Refused) parsed).response();
    assertThat(response.get("id").isNull()).isTrue();
    assertThat(response.get("error").get("code").asInt()).isEqualTo(code);
    assertThat(response.get("error").get("message").asText()).startsWith(messageStart);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
