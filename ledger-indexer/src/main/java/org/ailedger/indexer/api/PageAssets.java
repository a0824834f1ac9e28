package org.ailedger.indexer.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The governance and explorer page's files, read once from the class path, where the build bundles
 * them ({@code ledger-indexer/web}): {@code index.html} and the content-hashed assets that {@code
 * page.json} lists. Held in memory (about 100 KiB): the page is served on every visit, and a jar's
 * entries cannot be listed or sent as files.
 */
final class PageAssets {
  static final String RESOURCE_ROOT = "/org/ailedger/indexer/page/";

  /**
   * One file as it is served.
   *
   * @param path the URL path that serves it
   * @param immutable whether its name carries its content's hash, so a browser may keep it for good
   * @param etag a strong validator of its content
   */
  record Asset(String path, Buffer body, String contentType, boolean immutable, String etag) {}

  private final Map<String, Asset> byPath;

  private PageAssets(Map<String, Asset> byPath) {
    this.byPath = Map.copyOf(byPath);
  }

  /** Reads the page from the class path; fails if the build left it out. */
  static PageAssets load() {
    JsonObject manifest = new JsonObject(read("page.json"));
    Map<String, Asset> byPath = new HashMap<>();
    byPath.put("/", asset("/", manifest.getString("index"), false));
    JsonArray assets = manifest.getJsonArray("assets");
    for (int i = 0; i < assets.size(); i++) {
      String name = assets.getString(i);
      if (!name.startsWith("assets/") || name.contains("..")) {
        throw new IllegalStateException(
            "the page's manifest names a file outside assets/: " + name);
      }
      byPath.put("/" + name, asset("/" + name, name, true));
    }
    return new PageAssets(byPath);
  }

  Optional<Asset> at(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  private static Asset asset(String path, String name, boolean immutable) {
    Buffer body = read(name);
    return new Asset(path, body, contentType(name), immutable, etag(body));
  }

  private static String contentType(String name) {
    if (name.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (name.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    throw new IllegalStateException("the page holds a file of no known type: " + name);
  }

  private static String etag(Buffer body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes());
      return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static Buffer read(String name) {
    try (InputStream in = PageAssets.class.getResourceAsStream(RESOURCE_ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "the web page's "
                + name
                + " is missing from the class path: build ledger-indexer with Maven, which bundles"
                + " ledger-indexer/web with npm");
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the web page's " + name, e);
    }
  }
}
