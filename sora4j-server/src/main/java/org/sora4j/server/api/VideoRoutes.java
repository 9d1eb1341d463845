package org.sora4j.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sora4j.core.video.FrameSize;
import org.sora4j.server.ServerOptions;
import org.sora4j.server.jobs.JobQueue;
import org.sora4j.server.jobs.ModelProfile;
import org.sora4j.server.jobs.VideoMaker;
import org.sora4j.server.store.CharacterFiles;
import org.sora4j.server.store.CharacterRow;
import org.sora4j.server.store.VideoFolders;
import org.sora4j.server.store.VideoRow;
import org.sora4j.server.store.VideoStore;

/** The routes of the Videos API, the models list and the studio page. */
public final class VideoRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(VideoRoutes.class);
  /** When the model "was created" as /v1/models reports it: fixed, so the list is stable. */
  private static final long MODELS_CREATED = 1_759_000_000L;
  /** The header that says what a character looks like to the model, e.g. "a small red ball". */
  public static final String DESCRIPTION_HEADER = "X-Sora4j-Character-Description";

  private final VideoStore store;
  private final VideoFolders folders;
  private final JobQueue queue;
  private final VideoMaker maker;
  private final ApiKeys keys;
  private final ServerOptions options;
  private final VideoRequests requests;
  private final CharacterRequests characters;
  private final ObjectMapper json = new ObjectMapper();

  public VideoRoutes(VideoStore store, VideoFolders folders, CharacterFiles characterFiles, JobQueue queue,
      VideoMaker maker, ServerOptions options) {
    this.store = store;
    this.folders = folders;
    this.queue = queue;
    this.maker = maker;
    this.keys = new ApiKeys(options.apiKeys());
    this.options = options;
    this.requests = new VideoRequests(store, folders, maker, options, json);
    this.characters = new CharacterRequests(store, characterFiles, options);
  }

  /** Adds the routes and error handling to a Javalin config. */
  public void register(JavalinConfig config) {
    config.routes.get("/", this::studio);
    config.routes.get("/v1/models", ctx -> {
      keys.owner(ctx);
      send(ctx, 200, new ModelObject.ModelList("list", ModelProfile.ALL.stream().map(VideoRoutes::model).toList()));
    });
    config.routes.get("/v1/models/{model}", this::getModel);
    config.routes.post("/v1/videos", ctx -> submit(ctx, requests.create(form(ctx), keys.owner(ctx))));
    config.routes.get("/v1/videos", this::list);
    config.routes.post("/v1/videos/edits", ctx -> {
      String owner = keys.owner(ctx);
      submit(ctx, requests.edit(form(ctx), owner));
    });
    config.routes.post("/v1/videos/extensions", ctx -> {
      String owner = keys.owner(ctx);
      submit(ctx, requests.extend(form(ctx), owner));
    });
    config.routes.post("/v1/videos/characters", ctx -> {
      String owner = keys.owner(ctx);
      sendCharacter(ctx, characters.create(form(ctx), owner));
    });
    config.routes.get("/v1/videos/characters/{id}", this::getCharacter);
    config.routes.get("/v1/videos/{id}", ctx -> send(ctx, 200, VideoObject.of(owned(ctx))));
    config.routes.delete("/v1/videos/{id}", this::delete);
    config.routes.get("/v1/videos/{id}/content", this::content);
    config.routes.post("/v1/videos/{id}/remix", ctx -> {
      VideoRow source = owned(ctx);
      submit(ctx, requests.remix(source, form(ctx), source.owner()));
    });

    config.routes.exception(ApiError.class, (e, ctx) -> fail(ctx, e));
    config.routes.exception(HttpResponseException.class, (e, ctx) -> {
      // Javalin's own refusals (a body past the size limit sent without a length, ...) in OpenAI's shape
      String type = e.getStatus() == 429 ? "rate_limit_error" : ApiError.INVALID_REQUEST;
      send(ctx, e.getStatus(), new ErrorBody(new ErrorBody.Detail(e.getMessage(), type, null, null)));
    });
    config.routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
      send(ctx, 500, new ErrorBody(new ErrorBody.Detail("The server had an error: " + e, "server_error", null, null)));
    });
    config.routes.error(404, "*", ctx -> {
      // our own 404s are JSON already; Javalin's for an unknown path is plain text
      String type = ctx.res().getContentType();
      if (type == null || !type.startsWith("application/json")) {
        fail(ctx, ApiError.notFound("Unknown request URL: " + ctx.method() + " " + ctx.path() + "."));
      }
    });
  }

  private void studio(Context ctx) throws IOException {
    InputStream page = VideoRoutes.class.getResourceAsStream("/studio/index.html");
    if (page == null) {
      throw new IOException("the studio page is missing from the jar");
    }
    ctx.contentType("text/html; charset=utf-8").result(page);
  }

  private static ModelObject model(ModelProfile p) {
    return new ModelObject(p.name(), "model", MODELS_CREATED, "sora4j");
  }

  private void getModel(Context ctx) {
    keys.owner(ctx);
    String name = ctx.pathParam("model");
    ModelProfile profile = ModelProfile.ALL.stream().filter(p -> p.name().equals(name)).findFirst()
        .orElseThrow(() -> ApiError.notFound("The model '" + name + "' does not exist."));
    send(ctx, 200, model(profile));
  }

  private RequestForm form(Context ctx) {
    return RequestForm.read(ctx, options.maxUploadBytes(), json);
  }

  private void submit(Context ctx, VideoRequests.Pending pending) throws SQLException, IOException {
    try {
      pending.writeFiles();
      queue.submit(pending.row());
    } catch (ApiError | SQLException | IOException e) {
      folders.delete(pending.row().id());
      throw e;
    }
    send(ctx, 200, VideoObject.of(pending.row()));
  }

  private void getCharacter(Context ctx) throws SQLException {
    String owner = keys.owner(ctx);
    String id = ctx.pathParam("id");
    if (!CharacterFiles.isValidId(id)) {
      throw ApiError.notFound("No character found with id '" + id + "'.");
    }
    // another key's character gets the same 404 as no character
    CharacterRow row = store.character(id, owner)
        .orElseThrow(() -> ApiError.notFound("No character found with id '" + id + "'."));
    sendCharacter(ctx, row);
  }

  /** The character; what the judge saw, which the API's shape has no field for, goes in a header. */
  private void sendCharacter(Context ctx, CharacterRow row) {
    ctx.header(DESCRIPTION_HEADER, row.description());
    send(ctx, 200, CharacterObject.of(row));
  }

  /** The video of the path if the caller owns it; any other caller gets the same 404 as for no video. */
  private VideoRow owned(Context ctx) throws SQLException {
    String owner = keys.owner(ctx);
    String id = ctx.pathParam("id");
    if (!VideoFolders.isValidId(id)) {
      throw ApiError.notFound("No video found with id '" + id + "'.");
    }
    return store.get(id, owner).orElseThrow(() -> ApiError.notFound("No video found with id '" + id + "'."));
  }

  private void list(Context ctx) throws SQLException {
    String owner = keys.owner(ctx);
    int limit = 20;
    String limitText = ctx.queryParam("limit");
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText);
      } catch (NumberFormatException e) {
        throw ApiError.badRequest("limit", "limit must be a whole number from 1 to 100");
      }
      if (limit < 1 || limit > 100) {
        throw ApiError.badRequest("limit", "limit must be from 1 to 100, got " + limit);
      }
    }
    String order = ctx.queryParam("order") == null ? "desc" : ctx.queryParam("order");
    if (!order.equals("asc") && !order.equals("desc")) {
      throw ApiError.badRequest("order", "order must be asc or desc, got " + order);
    }
    String after = ctx.queryParam("after");
    if (after != null && !VideoFolders.isValidId(after)) {
      throw ApiError.badRequest("after", "after must be a video id, got " + after);
    }
    VideoStore.Page page = store.list(owner, after, limit, order.equals("desc"));
    send(ctx, 200, ListPage.videos(page.rows().stream().map(VideoObject::of).toList(), page.hasMore()));
  }

  private void delete(Context ctx) throws SQLException, IOException {
    VideoRow row = owned(ctx);
    // a running job sees its row gone at its next step, stops and removes its own files
    store.delete(row.id());
    folders.delete(row.id());
    send(ctx, 200, VideoDeleted.of(row.id()));
  }

  private void content(Context ctx) throws SQLException, IOException {
    VideoRow row = owned(ctx);
    String variant = ctx.queryParam("variant") == null ? "video" : ctx.queryParam("variant");
    String file;
    String type;
    switch (variant) {
      case "video" -> {
        file = VideoFolders.VIDEO;
        type = "video/mp4";
      }
      case "thumbnail" -> {
        file = VideoFolders.THUMBNAIL;
        type = "image/png";
      }
      case "spritesheet" -> {
        file = VideoFolders.SPRITESHEET;
        type = "image/jpeg";
      }
      default -> throw ApiError.badRequest("variant", "variant must be video, thumbnail or spritesheet, got " + variant);
    }
    if (!row.status().equals(VideoRow.COMPLETED)) {
      throw ApiError.notReady(row.status().equals(VideoRow.FAILED) ? "Video " + row.id() + " failed and has no content."
          : "Video is not ready yet: " + row.id() + " is " + row.status() + "; its content is ready when status is completed.");
    }
    Path path = folders.file(row.id(), file);
    if (!Files.isRegularFile(path)) {
      throw ApiError.notFound("the " + variant + " of " + row.id() + " is missing");
    }
    ctx.header("Content-Length", Long.toString(Files.size(path)));
    ctx.header("Content-Disposition", "inline; filename=\"" + row.id() + "." + file.substring(file.indexOf('.') + 1) + "\"");
    // the model samples at a small size and the frames are scaled up to the size asked for: say so
    ctx.header("X-Sora4j-Generated-Size", maker.plan(FrameSize.parse(row.size())).generated().toString());
    ctx.contentType(type).result(Files.newInputStream(path));
  }

  private void fail(Context ctx, ApiError e) {
    if (e.retryAfterSeconds() != null) {
      ctx.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
    }
    if (e.status() == 409) {
      // the official SDKs retry every 409 within a second or two unless told not to; a busy source stays busy longer
      ctx.header("x-should-retry", "false");
    }
    send(ctx, e.status(), e.body());
  }

  private void send(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType("application/json").result(json.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The models this server serves, for the startup message. */
  public static List<String> modelNames() {
    return ModelProfile.ALL.stream().map(ModelProfile::name).toList();
  }
}
