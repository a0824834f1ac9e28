package org.ailedger.indexer.api;

import io.vertx.ext.web.Route;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Maps a request path back to the template of the route that serves it ({@code
 * /v1/models/0x12…/rounds/1} to {@code /v1/models/{modelId}/rounds/{round}}), so per-route meters
 * have one series per route however many ids clients ask for. Templates come from the router's own
 * routes, so a route added to {@link ApiVerticle} is measured without further wiring.
 */
final class RouteTemplates {
  /** The label of a path no route serves (a 404); one series for all of them. */
  static final String UNMATCHED = "unmatched";

  private final List<Template> templates;

  RouteTemplates(List<Route> routes) {
    List<Template> parsed = new ArrayList<>();
    for (Route route : routes) {
      // path-less routes (the catch-all timer, failure handlers, pure regex routes) name no
      // template; a route with :parameters counts as a regex route but keeps its template
      if (route.getPath() != null) {
        Template template = Template.of(route.getPath());
        if (!parsed.contains(template)) {
          parsed.add(template);
        }
      }
    }
    // where two templates fit, the one with more literal segments wins (/v1/x/stream over
    // /v1/x/:id)
    parsed.sort(Comparator.comparingInt(Template::literals).reversed());
    this.templates = List.copyOf(parsed);
  }

  /** The template serving {@code path}, in OpenAPI form, or {@link #UNMATCHED}. */
  String of(String path) {
    String[] segments = segments(path);
    for (Template template : templates) {
      if (template.matches(segments)) {
        return template.label();
      }
    }
    return UNMATCHED;
  }

  private static String[] segments(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.split("/", -1);
  }

  /** One route's path split into segments; a {@code :name} segment matches any one segment. */
  private record Template(List<String> segments, String label, int literals) {
    static Template of(String path) {
      List<String> segments = List.of(RouteTemplates.segments(path));
      List<String> openApi = new ArrayList<>();
      int literals = 0;
      for (String segment : segments) {
        if (segment.startsWith(":")) {
          openApi.add("{" + segment.substring(1) + "}");
        } else {
          openApi.add(segment);
          literals++;
        }
      }
      return new Template(segments, "/" + String.join("/", openApi), literals);
    }

    boolean matches(String[] path) {
      if (path.length != segments.size()) {
        return false;
      }
      for (int i = 0; i < path.length; i++) {
        String segment = segments.get(i);
        boolean parameter = segment.startsWith(":") && !path[i].isEmpty();
        if (!parameter && !segment.equals(path[i])) {
          return false;
        }
      }
      return true;
    }
  }
}
