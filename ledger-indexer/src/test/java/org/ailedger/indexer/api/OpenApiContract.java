package org.ailedger.indexer.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Set;

/**
 * The served OpenAPI document as a contract: parsed by the reference OpenAPI parser, and each real
 * answer checked against the schema the document gives for its path, status and media type.
 */
final class OpenApiContract {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final JsonNode document;
  private final JsonSchemaFactory schemas =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  OpenApiContract(String document) throws Exception {
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options());
    assertThat(parsed.getMessages()).as("OpenAPI parser messages").isEmpty();
    assertThat(parsed.getOpenAPI()).isNotNull();
    assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.");
    this.document = JSON.readTree(document);
  }

  Set<String> paths() {
    Set<String> paths = new java.util.TreeSet<>();
    document.get("paths").fieldNames().forEachRemaining(paths::add);
    return paths;
  }

  /** Asserts that {@code body} fits the schema the document gives for this GET answer. */
  void assertConforms(String pathTemplate, int status, String mediaType, String body)
      throws Exception {
    JsonNode response =
        document.get("paths").get(pathTemplate).get("get").get("responses").get("" + status);
    assertThat(response).as("%s documents status %d", pathTemplate, status).isNotNull();
    String pointer =
        "#/paths/"
            + escape(pathTemplate)
            + "/get/responses/"
            + status
            + "/content/"
            + escape(mediaType)
            + "/schema";
    if (response.has("$ref")) {
      String name = response.get("$ref").asText().substring("#/components/responses/".length());
      response = document.get("components").get("responses").get(name);
      pointer = "#/components/responses/" + name + "/content/" + escape(mediaType) + "/schema";
    }
    assertThat(response.get("content").get(mediaType))
        .as("%s %d documents %s", pathTemplate, status, mediaType)
        .isNotNull();
    // the whole document is the schema's root so that its #/components/... references resolve
    ObjectNode root = document.deepCopy();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$ref", pointer);
    JsonSchema schema = schemas.getSchema(root);
    Set<ValidationMessage> errors = schema.validate(JSON.readTree(body));
    assertThat(errors).as("%s %d answer %s", pathTemplate, status, body).isEmpty();
  }

  /**
   * Asserts that {@code data}, one streamed event's JSON, fits the schema the document names for
   * the events of {@code pathTemplate}'s {@code text/event-stream} answer.
   */
  void assertStreamedEventConforms(String pathTemplate, String data) throws Exception {
    String media =
        "/paths/" + escape(pathTemplate) + "/get/responses/200/content/text~1event-stream";
    assertThat(document.at(media + "/x-event-data").isMissingNode())
        .as("%s documents the data of its events", pathTemplate)
        .isFalse();
    ObjectNode root = document.deepCopy();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$ref", "#" + media + "/x-event-data");
    Set<ValidationMessage> errors = schemas.getSchema(root).validate(JSON.readTree(data));
    assertThat(errors).as("%s event %s", pathTemplate, data).isEmpty();
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static ParseOptions options() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return options;
  }
}
