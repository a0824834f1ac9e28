package org.ailedger.indexer.api;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ailedger.indexer.ingest.IngestStatus;
import org.ailedger.indexer.ingest.NewHeadsState;
import org.ailedger.indexer.store.QueryPool;
import org.ailedger.indexer.stream.EventStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexer's REST server: {@link #start} lists every route. Handlers on the event loop only
 * check parameters, route and write; every read of the store runs on the {@link QueryPool}.
 */
public final class ApiVerticle extends AbstractVerticle {
  private static final Logger LOG = LoggerFactory.getLogger(ApiVerticle.class);
  private static final String JSON = "application/json";
  static final String OPENAPI_RESOURCE = "openapi.json";

  private final ApiConfig config;
  private final SnapshotReader reader;
  private final Supplier<IngestStatus> status;
  private final Supplier<NewHeadsState> newHeads;
  private final ApiObserver observer;
  private final AnswerCache answers;
  private final String openApi;
  private final ModelReads models = new ModelReads();
  private final ContributorReads contributors = new ContributorReads();
  private final DatasetReads datasets = new DatasetReads();
  private final GovernanceReads governance = new GovernanceReads();
  private final NetworkReads network;
  private final BlastRadiusReads blastRadius = new BlastRadiusReads();
  private final ProvLineageReads prov = new ProvLineageReads();
  private final MemberReads members = new MemberReads();
  private final PermissionReads permissions = new PermissionReads();
  private final RewardSeriesReads rewards = new RewardSeriesReads();
  private final StatsReads stats = new StatsReads();
  private final BlockReads blocks = new BlockReads();
  private final EventStreams streams;
  private final PageRoute page = new PageRoute(PageAssets.load());
  private MinBlockGate gate;
  private HttpServer server;

  /**
   * @param status the ingester's status, read on the event loop: must not block
   * @param streams the event streams, bound to this verticle's event loop when it starts
   */
  public ApiVerticle(
      ApiConfig config, QueryPool pool, Supplier<IngestStatus> status, EventStreams streams) {
    this(config, pool, status, () -> NewHeadsState.NOT_CONFIGURED, streams, ApiObserver.NONE);
  }

  /**
   * @param status the ingester's status, read on the event loop: must not block
   * @param newHeads the {@code newHeads} wake-up's state, for {@code /v1/health}; must not block
   * @param streams the event streams, woken by the store's commits
   * @param observer told of every answer and store failure (the metrics), on the event loop
   */
  public ApiVerticle(
      ApiConfig config,
      QueryPool pool,
      Supplier<IngestStatus> status,
      Supplier<NewHeadsState> newHeads,
      EventStreams streams,
      ApiObserver observer) {
    this(config, pool, status, newHeads, streams, observer, new AnswerCache());
  }

  /**
   * @param status the ingester's status, read on the event loop: must not block
   * @param newHeads the {@code newHeads} wake-up's state, for {@code /v1/health}; must not block
   * @param streams the event streams, woken by the store's commits
   * @param observer told of every answer and store failure (the metrics), on the event loop
   * @param answers answers at the indexed head, told of every commit by the store's writer (one no
   *     writer tells keeps nothing)
   */
  public ApiVerticle(
      ApiConfig config,
      QueryPool pool,
      Supplier<IngestStatus> status,
      Supplier<NewHeadsState> newHeads,
      EventStreams streams,
      ApiObserver observer,
      AnswerCache answers) {
    this.config = config;
    this.answers = answers;
    this.newHeads = newHeads;
    this.reader = new SnapshotReader(pool);
    this.status = status;
    this.streams = streams;
    this.observer = observer;
    this.openApi = openApiDocument();
    this.network = new NetworkReads(config.publicRpcUrl());
  }

  @Override
  public void start(Promise<Void> started) {
    gate = new MinBlockGate(vertx, status, config.minBlockWait());
    ProblemHandler problems = new ProblemHandler(observer);
    Router router = Router.router(vertx);
    // first: it times every request, answered or failed, by its route's template
    router.route().handler(new RequestTimer(router, observer));
    router.route().failureHandler(problems);
    router.errorHandler(400, problems);
    router.errorHandler(404, problems);
    router.errorHandler(405, problems);
    router.errorHandler(500, problems);

    router.get("/openapi.json").handler(this::openApi);
    // the governance and explorer page (docs/indexer.md, "The page"); it reads /v1/ like any client
    router.get("/").handler(page);
    router.get("/assets/:file").handler(page);
    // uptime and link checkers ask with HEAD; the server sends the headers of GET and no body
    router.head("/").handler(page);
    router.head("/assets/:file").handler(page);
    router.get("/v1/health").handler(this::health);
    router.get("/v1/network").handler(answer(RequestParams.SINGLE, p -> network::network));
    router
        .get("/v1/models")
        .handler(
            answer(
                RequestParams.LIST,
                p -> {
                  Page page = p.page();
                  return at -> models.models(at, page);
                }));
    router
        .get("/v1/models/:modelId")
        .handler(
            answer(
                RequestParams.SINGLE,
                p -> {
                  var modelId = p.id("modelId");
                  return at -> models.model(at, modelId);
                }));
    router
        .get("/v1/models/:modelId/rounds/:round")
        .handler(
            answer(
                RequestParams.SINGLE,
                p -> {
                  var modelId = p.id("modelId");
                  long round = p.number("round");
                  return at -> models.round(at, modelId, round);
                }));
    router
        .get("/v1/models/:modelId/rounds/:round/updates")
        .handler(
            answer(
                RequestParams.RANGED_LIST,
                p -> {
                  var modelId = p.id("modelId");
                  long round = p.number("round");
                  ListQuery list = p.listQuery();
                  return at -> models.updates(at, modelId, round, list);
                }));
    router
        .get("/v1/contributors/:address")
        .handler(
            answer(
                RequestParams.RANGED_LIST,
                p -> {
                  var address = p.address("address");
                  ListQuery list = p.listQuery();
                  return at -> contributors.contributor(at, address, list);
                }));
    router
        .get("/v1/datasets/:datasetId")
        .handler(
            answer(
                RequestParams.SINGLE,
                p -> {
                  var datasetId = p.id("datasetId");
                  return at -> datasets.dataset(at, datasetId);
                }));
    router
        .get("/v1/datasets/:datasetId/lineage")
        .handler(
            answer(
                RequestParams.SINGLE,
                p -> {
                  var datasetId = p.id("datasetId");
                  return at -> datasets.lineage(at, datasetId);
                }));
    router
        .get("/v1/proposals")
        .handler(
            answer(
                AnalyticsParams.PROPOSAL_LIST,
                p -> {
                  ListQuery list = p.listQuery();
                  var state = AnalyticsParams.proposalState(p);
                  return at -> governance.proposals(at, list, state);
                }));
    router
        .get("/v1/proposals/:id")
        .handler(
            answer(
                RequestParams.SINGLE,
                p -> {
                  long id = p.number("id");
                  return at -> governance.proposal(at, id);
                }));
    router
        .get("/v1/proposals/:id/votes")
        .handler(
            answer(
                RequestParams.RANGED_LIST,
                p -> {
                  long id = p.number("id");
                  ListQuery list = p.listQuery();
                  return at -> governance.votes(at, id, list);
                }));
    analyticsRoutes(router);
    blockRoutes(router);
    router.get("/v1/events/stream").handler(new EventStreamRoute(streams));
    Future<Void> streamsAttached = streams.attach(vertx);

    vertx
        // plain HTTP/1.1: an h2c upgrade (the JDK client asks for one) buys nothing for small JSON
        // answers and is one more path to get wrong
        .createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false))
        .requestHandler(router)
        .listen(config.port(), config.host())
        .onSuccess(
            listening -> {
              server = listening;
              LOG.info("REST API on http://{}:{}/v1/", config.host(), listening.actualPort());
              streamsAttached.onComplete(started);
            })
        .onFailure(started::fail);
  }

  @Override
  public void stop() {
    streams.detach(vertx);
  }

  /** The analyst reads of issue 12: blast radius, PROV, members, permissions, rewards, stats. */
  private void analyticsRoutes(Router router) {
    router
        .get("/v1/datasets/:datasetId/blast-radius")
        .handler(
            answer(
                AnalyticsParams.BLAST_RADIUS,
                p -> {
                  var datasetId = p.id("datasetId");
                  var listing = AnalyticsParams.listing(p);
                  Page page = p.page();
                  return at -> blastRadius.blastRadius(at, datasetId, listing, page);
                }));
    router
        .get("/v1/datasets/:datasetId/lineage.prov.json")
        .handler(
            route(
                RequestParams.SINGLE,
                p -> {
                  var datasetId = p.id("datasetId");
                  return at -> prov.document(at, datasetId);
                },
                false));
    router
        .get("/v1/members")
        .handler(
            answer(
                RequestParams.LIST,
                p -> {
                  Page page = p.page();
                  return at -> members.members(at, page);
                }));
    router
        .get("/v1/members/:memberId")
        .handler(
            answer(
                RequestParams.SINGLE,
                p -> {
                  var memberId = p.id("memberId");
                  return at -> members.member(at, memberId);
                }));
    router
        .get("/v1/validators")
        .handler(
            answer(
                RequestParams.LIST,
                p -> {
                  Page page = p.page();
                  return at -> permissions.validators(at, page);
                }));
    router
        .get("/v1/permissions/history")
        .handler(
            answer(
                AnalyticsParams.PERMISSION_HISTORY,
                p -> {
                  ListQuery list = p.listQuery();
                  var kinds = AnalyticsParams.kinds(p);
                  return at -> permissions.history(at, list, kinds);
                }));
    router
        .get("/v1/contributors/:address/rewards")
        .handler(
            answer(
                AnalyticsParams.REWARD_SERIES,
                p -> {
                  var address = p.address("address");
                  var bucket = AnalyticsParams.bucket(p);
                  ListQuery list = p.listQuery();
                  return at -> rewards.contributor(at, address, bucket, list);
                }));
    router
        .get("/v1/models/:modelId/rewards")
        .handler(
            answer(
                AnalyticsParams.REWARD_SERIES,
                p -> {
                  var modelId = p.id("modelId");
                  var bucket = AnalyticsParams.bucket(p);
                  ListQuery list = p.listQuery();
                  return at -> rewards.model(at, modelId, bucket, list);
                }));
    router.get("/v1/stats").handler(answer(RequestParams.SINGLE, p -> stats::stats));
  }

  /** Blocks with ledger events and the transactions that emitted them. */
  private void blockRoutes(Router router) {
    router
        .get("/v1/blocks")
        .handler(
            answer(
                RequestParams.RANGED_LIST,
                p -> {
                  // newest first unless asked: a chain's latest blocks are what one looks for
                  ListQuery list = p.listQuery(Order.DESC);
                  return at -> blocks.blocks(at, list);
                }));
    router
        .get("/v1/blocks/:number")
        .handler(
            answer(
                RequestParams.LIST,
                p -> {
                  long number = p.number("number");
                  Page page = p.page();
                  return at -> blocks.block(at, number, page);
                }));
    router
        .get("/v1/transactions/:hash")
        .handler(
            answer(
                RequestParams.LIST,
                p -> {
                  var hash = p.id("hash");
                  Page page = p.page();
                  return at -> blocks.transaction(at, hash, page);
                }));
  }

  /** The port the server listens on, once started: the chosen one when configured as 0. */
  public int actualPort() {
    if (server == null) {
      throw new IllegalStateException("the API is not listening");
    }
    return server.actualPort();
  }

  private void health(RoutingContext context) {
    RequestParams.of(context.pathParams(), context.queryParams(), Set.of());
    write(context, HealthReport.of(status.get(), newHeads.get()));
  }

  private void openApi(RoutingContext context) {
    RequestParams.of(context.pathParams(), context.queryParams(), Set.of());
    context.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(openApi);
  }

  /**
   * A route that checks its parameters on the event loop ({@code parse} throws a 400 problem),
   * waits for {@code minBlock} if asked, then runs the read it returns on the query pool.
   */
  private Handler<RoutingContext> answer(
      Set<String> allowed, Function<RequestParams, Snapshot.Read> parse) {
    return route(allowed, parse, true);
  }

  /**
   * {@link #answer}, where {@code named} false serves the read's document as it is (a standard
   * format that states its block in its own terms) instead of adding the {@code block} member.
   */
  private Handler<RoutingContext> route(
      Set<String> allowed, Function<RequestParams, Snapshot.Read> parse, boolean named) {
    return context -> {
      RequestParams params = RequestParams.of(context.pathParams(), context.queryParams(), allowed);
      Snapshot.Read read = parse.apply(params);
      // the path and query as sent: the same request at the same head has the same answer
      String request = context.request().uri();
      Optional<Buffer> kept = answers.find(request, params.minBlock().orElse(0L));
      observer.answerCache(kept.isPresent());
      if (kept.isPresent()) {
        write(context, kept.get());
        return;
      }
      Future<Void> ready = params.minBlock().map(gate::reached).orElse(Future.succeededFuture());
      ready
          .compose(nothing -> reader.answer(read, named))
          .onSuccess(
              answer -> {
                answers.keep(request, answer.blockNumber(), answer.blockHash(), answer.body());
                write(context, answer.body());
              })
          .onFailure(context::fail);
    };
  }

  private static void write(RoutingContext context, JsonObject answer) {
    write(context, answer.toBuffer());
  }

  private static void write(RoutingContext context, Buffer answer) {
    context.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(answer);
  }

  private static String openApiDocument() {
    try (InputStream in = ApiVerticle.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the OpenAPI document " + OPENAPI_RESOURCE + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the OpenAPI document", e);
    }
  }
}
