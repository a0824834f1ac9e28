package org.ailedger.tests.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The Ethereum execution-apis specification (test resources under {@code execution-apis/}) as a
 * validator of real requests and answers. Like the specification's own build, every file of {@code
 * schemas/} is merged into one {@code components.schemas} map, so the methods' {@code
 * #/components/schemas/Name} references resolve against one document; the methods of {@code eth/}
 * are kept beside it by name, and a check validates against a JSON pointer into that document.
 */
public final class ExecutionApis {
  private static final String RESOURCE_DIR = "execution-apis";
  private static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode document;
  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private final Map<String, JsonSchema> compiled = new HashMap<>();

  private ExecutionApis(ObjectNode document) {
    this.document = document;
  }

  /** Reads the specification from the test class path. */
  public static ExecutionApis load() {
    ObjectNode document = JSON.createObjectNode();
    ObjectNode schemas = document.putObject("components").putObject("schemas");
    ObjectNode methods = document.putObject("methods");
    for (Path file : yamlFiles("schemas")) {
      readYaml(file)
          .properties()
          .forEach(
              entry -> {
                if (schemas.has(entry.getKey())) {
                  throw new IllegalStateException(
                      "schema " + entry.getKey() + " is defined twice, again in " + file);
                }
                schemas.set(entry.getKey(), entry.getValue());
              });
    }
    for (Path file : yamlFiles("eth")) {
      for (JsonNode method : readYaml(file)) {
        methods.set(method.get("name").textValue(), method);
      }
    }
    return new ExecutionApis(document);
  }

  /** The names of the methods the specification defines. */
  public Set<String> methods() {
    Set<String> names = new TreeSet<>();
    document.get("methods").fieldNames().forEachRemaining(names::add);
    return names;
  }

  public boolean defines(String method) {
    return document.get("methods").has(method);
  }

  /** What is wrong with {@code result} as the result of {@code method}; empty when it conforms. */
  public List<String> resultViolations(String method, JsonNode result) {
    return violations("#/methods/" + method + "/result/schema", result);
  }

  /**
   * What is wrong with {@code params} as the positional parameters of {@code method}: too many, a
   * required one missing, or one that does not fit its schema. Empty when the request is legal.
   */
  public List<String> paramViolations(String method, List<JsonNode> params) {
    JsonNode declared = requireMethod(method).path("params");
    List<String> problems = new ArrayList<>();
    if (params.size() > declared.size()) {
      problems.add(method + " takes " + declared.size() + " params, got " + params.size());
    }
    for (int i = 0; i < declared.size(); i++) {
      JsonNode param = declared.get(i);
      if (i >= params.size()) {
        if (param.path("required").asBoolean(false)) {
          problems.add("required param " + i + " (" + param.path("name").asText() + ") missing");
        }
        continue;
      }
      for (String problem :
          violations("#/methods/" + method + "/params/" + i + "/schema", params.get(i))) {
        problems.add("param " + i + " (" + param.path("name").asText() + "): " + problem);
      }
    }
    return problems;
  }

  /**
   * Fails with the reasons when a request the test is about to send is not legal by the spec; a
   * method the spec does not define passes unchecked. Params are converted as {@link JsonRpc} sends
   * them.
   */
  public void assertLegalRequest(String method, Object... params) {
    if (!defines(method)) {
      return;
    }
    List<JsonNode> json = new ArrayList<>();
    for (Object param : params) {
      json.add(JSON.valueToTree(param));
    }
    List<String> problems = paramViolations(method, json);
    if (!problems.isEmpty()) {
      throw new AssertionError("the request " + method + json + " breaks the spec: " + problems);
    }
  }

  /** What is wrong with {@code value} as an instance of schema {@code name} of the components. */
  public List<String> schemaViolations(String name, JsonNode value) {
    if (!document.get("components").get("schemas").has(name)) {
      throw new IllegalArgumentException("the specification defines no schema " + name);
    }
    return violations("#/components/schemas/" + name, value);
  }

  /**
   * Adds a schema of this test's own beside the specification's, for a shape it does not name (such
   * as a header without the body's fields); its references resolve like the others'.
   */
  public void defineLocal(String name, JsonNode schema) {
    if (!document.has("local")) {
      document.putObject("local");
    }
    ((ObjectNode) document.get("local")).set(name, schema);
    compiled.remove("#/local/" + name);
  }

  /** The specification's schema {@code name}, as a tree to derive a local schema from. */
  public JsonNode schema(String name) {
    return document.get("components").get("schemas").get(name).deepCopy();
  }

  public List<String> localViolations(String name, JsonNode value) {
    return violations("#/local/" + name, value);
  }

  private List<String> violations(String pointer, JsonNode value) {
    JsonSchema schema = compiled.computeIfAbsent(pointer, this::compile);
    Set<ValidationMessage> messages = schema.validate(value);
    return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  private JsonSchema compile(String pointer) {
    if (document.at(pointer.substring(1)).isMissingNode()) {
      throw new IllegalArgumentException("the specification has nothing at " + pointer);
    }
    // the whole document is the root so that #/components/schemas/... references resolve in it
    ObjectNode root = document.deepCopy();
    root.put("$schema", DRAFT);
    root.put("$ref", pointer);
    return factory.getSchema(root);
  }

  private JsonNode requireMethod(String method) {
    JsonNode node = document.get("methods").get(method);
    if (node == null) {
      throw new IllegalArgumentException("the specification defines no method " + method);
    }
    return node;
  }

  private static List<Path> yamlFiles(String folder) {
    String name = RESOURCE_DIR + "/" + folder;
    URL url = ExecutionApis.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalStateException("no test resource folder " + name);
    }
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      if (yaml.isEmpty()) {
        throw new IllegalStateException("no YAML files in " + url);
      }
      return yaml;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + url, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("not a file URL: " + url, e);
    }
  }

  private static JsonNode readYaml(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
