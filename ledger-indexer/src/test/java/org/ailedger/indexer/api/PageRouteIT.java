package org.ailedger.indexer.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ailedger.indexer.store.Cursor;
import org.ailedger.indexer.store.Database;
import org.ailedger.indexer.store.Engine;
import org.ailedger.indexer.store.LedgerWriter;
import org.ailedger.indexer.store.SampleEvents;
import org.ailedger.indexer.store.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page the indexer serves at {@code /}, as the build bundled it into the class path: the
 * document and its hashed assets with their content types, caching and Content-Security-Policy, and
 * the API's problems left as they were.
 */
class PageRouteIT {
  @RegisterExtension final TestStores stores = new TestStores();

  private static final Pattern SCRIPT = Pattern.compile("src=\"(/assets/main-[A-Z0-9]+\\.js)\"");
  private static final Pattern STYLE = Pattern.compile("href=\"(/assets/main-[A-Z0-9]+\\.css)\"");

  private ApiServer api;

  @BeforeEach
  void serve() throws Exception {
    Database database = stores.open(Engine.SQLITE);
    new LedgerWriter(database).seedGenesis(SampleEvents.genesis());
    api = new ApiServer(database, new Cursor(0, SampleEvents.blockHash(0)));
  }

  @AfterEach
  void stop() throws Exception {
    api.close();
  }

  @Test
  void theRootIsThePageWhichLoadsOnlyItsOwnHashedAssets() throws Exception {
    HttpResponse<String> page = api.get("/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(header(page, "content-type")).isEqualTo("text/html; charset=utf-8");
    assertThat(header(page, "cache-control")).isEqualTo("no-cache");
    assertThat(header(page, "content-security-policy"))
        .contains("default-src 'self'", "script-src 'self'", "connect-src 'self'")
        .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
    assertThat(header(page, "x-content-type-options")).isEqualTo("nosniff");
    assertThat(page.body()).contains("<title>AI Contribution Ledger</title>");

    HttpResponse<String> script = api.get(match(SCRIPT, page.body()));
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(header(script, "content-type")).isEqualTo("text/javascript; charset=utf-8");
    assertThat(header(script, "cache-control")).contains("immutable", "max-age=31536000");
    assertThat(script.body())
        .as("the bundle holds the page's own code and the governor's ABI from chaincode")
        .contains("eip6963:requestProvider", "/v1/events/stream", "castVote", "getPastBalance");

    HttpResponse<String> style = api.get(match(STYLE, page.body()));
    assertThat(style.statusCode()).isEqualTo(200);
    assertThat(header(style, "content-type")).isEqualTo("text/css; charset=utf-8");
    assertThat(style.body()).contains(".badge");
  }

  @Test
  void aBrowserThatHasThePageIsToldItIsUnchanged() throws Exception {
    HttpResponse<String> first = api.get("/");
    String etag = header(first, "etag");

    HttpResponse<String> again = api.get("/", "If-None-Match", etag);

    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(api.get("/", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
  }

  @Test
  void aHeadRequestGetsThePagesHeadersWithoutItsBody() throws Exception {
    HttpResponse<String> page = api.get("/");
    HttpResponse<String> head = api.send("HEAD", "/");

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(header(head, "content-type")).isEqualTo(header(page, "content-type"));
    assertThat(header(head, "etag")).isEqualTo(header(page, "etag"));
    assertThat(header(head, "content-security-policy"))
        .isEqualTo(header(page, "content-security-policy"));
    HttpResponse<String> asset = api.send("HEAD", match(SCRIPT, page.body()));
    assertThat(asset.statusCode()).isEqualTo(200);
    assertThat(header(asset, "content-type")).isEqualTo("text/javascript; charset=utf-8");
    assertThat(asset.body()).isEmpty();
  }

  @Test
  void aMissingAssetAndTheApiStayProblems() throws Exception {
    HttpResponse<String> missing = api.get("/assets/main-NOSUCH.js");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(header(missing, "content-type")).isEqualTo(Problem.MEDIA_TYPE);
    assertThat(new JsonObject(missing.body()).getString("detail"))
        .contains("/assets/main-NOSUCH.js");

    HttpResponse<String> unknown = api.get("/v1/no-such-path");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(header(unknown, "content-type")).isEqualTo(Problem.MEDIA_TYPE);
    assertThat(unknown.headers().firstValue("content-security-policy"))
        .as("the API's answers are not the page's")
        .isEmpty();
    assertThat(header(api.get("/v1/health"), "content-type")).isEqualTo("application/json");
  }

  private static String header(HttpResponse<String> answer, String name) {
    return answer.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name));
  }

  private static String match(Pattern pattern, String html) {
    Matcher matcher = pattern.matcher(html);
    assertThat(matcher.find()).as(pattern + " in " + html).isTrue();
    return matcher.group(1);
  }
}
