package org.ailedger.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RpcDispatcherTest {
  private final RpcDispatcher dispatcher =
      new RpcDispatcher(
          new RpcMethods(
              List.of(
                  method("echo", r -> r.params().required(0, "value")),
                  method(
                      "fails",
                      r -> {
                        throw new RpcException(RpcError.HEADER_NOT_FOUND, "header not found");
                      }),
                  method(
                      "bug",
                      r -> {
                        throw new NullPointerException("secret internals");
                      }))));
  private final RequestParser parser = new RequestParser(10);

  @Test
  void resultAndErrorsCarryTheRequestId() {
    assertThat(answer("{\"jsonrpc\":\"2.0\",\"id\":\"q\",\"method\":\"echo\",\"params\":[\"hi\"]}"))
        .isEqualTo(TestJson.parse("{\"jsonrpc\":\"2.0\",\"id\":\"q\",\"result\":\"hi\"}"));
    assertThat(answer("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"fails\"}"))
        .isEqualTo(
            TestJson.parse(
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"error\":{\"code\":-32000,\"message\":\"header not"
                    + " found\"}}"));
  }

  @Test
  void bugsBecomeInternalErrorsWithoutDetails() {
    JsonNode error = answer("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"bug\"}").get("error");

    assertThat(error.get("code").asInt()).isEqualTo(-32603);
    assertThat(error.toString()).doesNotContain("secret").doesNotContain("NullPointer");
  }

  @Test
  void unknownMethodNameIsEchoedBoundedAndPrintable() {
    String name = "eth_\u0007" + "x".repeat(100);

    String message =
        answer(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
                    + name.replace("\u0007", "\\u0007")
                    + "\"}")
            .get("error")
            .get("message")
            .asText();

    assertThat(message)
        .startsWith("the method eth_?xxx")
        .endsWith("… does not exist/is not available");
    assertThat(message.length()).isLessThan(120);
  }

  @Test
  void notificationsAreRunButNotAnswered() {
    Optional<JsonNode> answer =
        dispatcher.dispatch(
            parser.parse(
                bytes(
                    "[{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[1]},{\"jsonrpc\":\"2.0\",\"method\":\"bug\"}]")),
            Optional.empty());

    assertThat(answer).isEmpty();
  }

  @Test
  void refusalAnswersEveryCallWithTheSameErrorAndSkipsNotifications() {
    Optional<JsonNode> answer =
        RpcDispatcher.refuse(
            parser.parse(
                bytes(
                    "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\"},{\"jsonrpc\":\"2.0\",\"method\":\"echo\"},"
                        + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"bug\"}]")),
            new RpcException(RpcError.LIMIT_EXCEEDED, "server busy"));

    assertThat(answer.orElseThrow()).hasSize(2);
    assertThat(answer.orElseThrow())
        .extracting(a -> a.get("error").get("code").asInt())
        .containsExactly(-32005, -32005);
    assertThat(answer.orElseThrow()).extracting(a -> a.get("id").asInt()).containsExactly(1, 2);
  }

  @Test
  void duplicateMethodNamesAreABug() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new RpcMethods(
                    List.of(
                        method("a", r -> TextNode.valueOf("")),
                        method("a", r -> TextNode.valueOf("")))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private JsonNode answer(String body) {
    return dispatcher.dispatch(parser.parse(bytes(body)), Optional.empty()).orElseThrow();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static RpcMethod method(
      String name, java.util.function.Function<RpcRequest, JsonNode> body) {
    return new RpcMethod() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public JsonNode execute(RpcRequest request) {
        return body.apply(request);
      }
    };
  }
}
