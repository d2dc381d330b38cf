package dev.scalpel.gateway.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalpel.core.io.Json;
import dev.scalpel.gateway.http.ApiException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The admin API for keys, every route behind an {@link Scope#ADMIN} key:
 *
 * <ul>
 *   <li>{@code GET /admin/keys}: the active keys, {@code {"object": "list", "data": [...]}}
 *   <li>{@code POST /admin/keys} with {@code {"name", "scope", "budget_usd", "period", "rpm",
 *       "tpm"}}: 201 with the new key, its secret in {@code key} (shown this once); 409 when an
 *       active key has the name
 *   <li>{@code DELETE /admin/keys/{nameOrId}}: 200 with the revoked key; 404 when no active key has
 *       that name or id
 * </ul>
 *
 * Errors are thrown as {@link ApiException}; the gateway's exception handler answers them in
 * OpenAI's shape. Creations and revocations are audited with the actor {@code key:<admin key>}.
 */
public final class AdminKeysRoutes {
  /** The collection's path. */
  public static final String PATH = "/admin/keys";

  private static final int MAX_BODY_BYTES = 16 * 1024;

  private final Access access;
  private final KeyStore keys;

  private AdminKeysRoutes(Access access, KeyStore keys) {
    this.access = access;
    this.keys = keys;
  }

  /** Adds the routes to {@code routes} (in Javalin 7, {@code config.routes}). */
  public static void register(JavalinDefaultRoutingApi routes, Access access, KeyStore keys) {
    register(routes, access, keys, UnaryOperator.identity());
  }

  /**
   * Adds the routes, each handler passed through {@code wrap} first (for example the gateway's
   * in-flight tracking, so that shutdown waits for admin calls too).
   */
  public static void register(
      JavalinDefaultRoutingApi routes, Access access, KeyStore keys, UnaryOperator<Handler> wrap) {
    AdminKeysRoutes admin = new AdminKeysRoutes(access, keys);
    routes.get(PATH, wrap.apply(admin::list));
    routes.post(PATH, wrap.apply(admin::create));
    routes.delete(PATH + "/{nameOrId}", wrap.apply(admin::revoke));
  }

  private void list(Context ctx) {
    admin(ctx);
    ObjectNode root = Json.mapper().createObjectNode().put("object", "list");
    ArrayNode data = root.putArray("data");
    keys.list().forEach(k -> data.add(KeyJson.write(k)));
    json(ctx, 200, root);
  }

  private void create(Context ctx) {
    KeyInfo admin = admin(ctx);
    KeyRequest request = KeyJson.read(body(ctx));
    switch (keys.create(request, actor(admin))) {
      case KeyCreation.Created created -> {
        ObjectNode node = KeyJson.write(created.key().key());
        node.put("key", created.key().secret());
        json(ctx, 201, node);
      }
      case KeyCreation.NameTaken taken ->
          throw new ApiException(
              409,
              "invalid_request_error",
              "key_name_taken",
              "name",
              "an active key is already named '"
                  + taken.name()
                  + "'; revoke it first or choose another name");
    }
  }

  private void revoke(Context ctx) {
    KeyInfo admin = admin(ctx);
    String nameOrId = ctx.pathParam("nameOrId");
    Optional<KeyInfo> revoked = keys.revoke(nameOrId, actor(admin));
    if (revoked.isEmpty()) {
      throw new ApiException(
          404,
          "invalid_request_error",
          "key_not_found",
          "",
          "no active key is named '" + nameOrId + "' or has that id");
    }
    json(ctx, 200, KeyJson.write(revoked.get()).put("revoked", true));
  }

  private KeyInfo admin(Context ctx) {
    return switch (access.authenticate(ctx.header("Authorization"), Scope.ADMIN)) {
      case Authentication.Granted granted -> granted.key();
      case Authentication.Denied denied -> throw denied.refusal().toApiException();
    };
  }

  private static String actor(KeyInfo admin) {
    return "key:" + admin.name();
  }

  private static byte[] body(Context ctx) {
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw new ApiException(
            413,
            "invalid_request_error",
            "request_too_large",
            "",
            "a key request has at most " + MAX_BODY_BYTES + " bytes");
      }
      return body;
    } catch (IOException e) {
      throw ApiException.invalid("", "the request body could not be read: " + e.getMessage());
    }
  }

  private static void json(Context ctx, int status, JsonNode body) {
    try {
      ctx.status(status).contentType("application/json");
      ctx.result(Json.mapper().writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a JSON tree", e);
    }
  }
}
