/**
 * Gateway configurations for one tenant (docs/gateways.md), filled in with the deployment's
 * real URL and the tenant's slug: shown in the console, and the nginx one is what
 * tests/e2e/forward-auth-nginx.test.ts runs. Browser-safe.
 */
export type SnippetTarget = {
  /** Portico's public origin, e.g. https://auth.example.com. */
  porticoOrigin: string;
  slug: string;
  /** The protected app's host, e.g. app.example.com. */
  appHost: string;
  /** Where the gateway sends allowed requests, e.g. http://127.0.0.1:8080. */
  appUpstream: string;
};

export const IDENTITY_HEADER_NAMES = [
  "X-Portico-User-Id",
  "X-Portico-Email",
  "X-Portico-Org-Id",
  "X-Portico-Roles",
  "X-Portico-Token",
] as const;

const nginxVariable = (header: string) =>
  `$portico_${header.slice("X-Portico-".length).toLowerCase().replace(/-/g, "_")}`;
const nginxUpstreamVariable = (header: string) => `$upstream_http_${header.toLowerCase().replace(/-/g, "_")}`;

function nginxPassThrough(step: string, base: string, host: string, tls: string): string {
  return `  location = /.portico/${step} {
    proxy_pass ${base}/${step};${tls}
    proxy_set_header Host ${host};
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_set_header X-Forwarded-Host $http_host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
  }`;
}

/** The `location` blocks of an nginx `server` (auth_request, the callback, the error pages). */
export function nginxLocations({ porticoOrigin, slug, appUpstream }: Omit<SnippetTarget, "appHost">): string {
  const portico = new URL(porticoOrigin);
  const base = `${portico.origin}/t/${slug}/forward-auth`;
  const tls = portico.protocol === "https:" ? "\n    proxy_ssl_server_name on;" : "";
  const identity = IDENTITY_HEADER_NAMES.map(
    (header) => `    auth_request_set ${nginxVariable(header)} ${nginxUpstreamVariable(header)};`,
  ).join("\n");
  const forward = IDENTITY_HEADER_NAMES.map(
    (header) => `    proxy_set_header ${header} ${nginxVariable(header)};`,
  ).join("\n");
  return `  location / {
    auth_request /.portico/auth;
${identity}
    auth_request_set $portico_location $upstream_http_location;
    auth_request_set $portico_decision $upstream_http_x_portico_decision;
    auth_request_set $portico_retry_after $upstream_http_retry_after;
    auth_request_set $portico_state_cookie $upstream_http_set_cookie;
    error_page 401 = @portico_unauthenticated;
    error_page 403 = @portico_forbidden;
    # Always set, so a client's own X-Portico-* headers never reach the app (empty = removed).
${forward}
    proxy_pass ${appUpstream};
  }

  location = /.portico/auth {
    internal;
    proxy_pass ${base}/nginx;${tls}
    proxy_pass_request_body off;
    proxy_set_header Content-Length "";
    proxy_set_header Host ${portico.host};
    proxy_set_header X-Forwarded-Method $request_method;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_set_header X-Forwarded-Host $http_host;
    proxy_set_header X-Forwarded-Uri $request_uri;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
  }

  # After sign-in the one-time code becomes this host's cookie; sign-out forgets it.
${["callback", "sign-out"].map((step) => nginxPassThrough(step, base, portico.host, tls)).join("\n\n")}

  # auth_request only understands 2xx, 401 and 403: Portico's nginx mode says the rest in headers.
  location @portico_unauthenticated {
    # The sign-in's state cookie: only the browser that started it can finish it.
    add_header Set-Cookie $portico_state_cookie always;
    if ($portico_location) { return 302 $portico_location; }
    default_type application/json;
    return 401 '{"error":{"code":"unauthenticated","message":"Send a valid bearer token or sign in first."}}';
  }

  location @portico_forbidden {
    default_type application/json;
    if ($portico_decision = rate_limited) {
      add_header Retry-After $portico_retry_after always;
      return 429 '{"error":{"code":"rate_limited","message":"Too many requests."}}';
    }
    return 403 '{"error":{"code":"forbidden","message":"You may not open this page."}}';
  }`;
}

export function nginxSnippet(target: SnippetTarget): string {
  return `server {
  listen 443 ssl;
  server_name ${target.appHost};
  # ssl_certificate …; ssl_certificate_key …;

${nginxLocations(target)}
}
`;
}

export function traefikLabelsSnippet({ porticoOrigin, slug, appHost }: SnippetTarget): string {
  const base = `${new URL(porticoOrigin).origin}/t/${slug}/forward-auth`;
  return `# docker compose: labels of the protected app's service
labels:
  - traefik.http.routers.app.rule=Host(\`${appHost}\`)
  - traefik.http.routers.app.middlewares=portico-strip,portico-auth
  - traefik.http.middlewares.portico-auth.forwardauth.address=${base}
  - traefik.http.middlewares.portico-auth.forwardauth.authResponseHeaders=${IDENTITY_HEADER_NAMES.join(",")}
  # Clients' own X-Portico-* headers are removed before Portico's are set.
${IDENTITY_HEADER_NAMES.map((header) => `  - traefik.http.middlewares.portico-strip.headers.customrequestheaders.${header}=`).join("\n")}
  # /.portico/callback on the app's host goes to Portico.
  - traefik.http.routers.app-portico.rule=Host(\`${appHost}\`) && PathPrefix(\`/.portico/\`)
  - traefik.http.routers.app-portico.service=portico
  - traefik.http.routers.app-portico.middlewares=portico-callback
  - traefik.http.middlewares.portico-callback.replacepathregex.regex=^/\\.portico/(.*)
  - traefik.http.middlewares.portico-callback.replacepathregex.replacement=/t/${slug}/forward-auth/$$1
  - traefik.http.services.portico.loadbalancer.server.url=${new URL(porticoOrigin).origin}
`;
}

export function traefikFileSnippet({ porticoOrigin, slug, appHost, appUpstream }: SnippetTarget): string {
  const origin = new URL(porticoOrigin).origin;
  return `# Traefik file provider (dynamic configuration)
http:
  routers:
    app:
      rule: Host(\`${appHost}\`)
      middlewares: [portico-strip, portico-auth]
      service: app
    app-portico:
      rule: Host(\`${appHost}\`) && PathPrefix(\`/.portico/\`)
      middlewares: [portico-callback]
      service: portico
  middlewares:
    portico-auth:
      forwardAuth:
        address: ${origin}/t/${slug}/forward-auth
        authResponseHeaders:
${IDENTITY_HEADER_NAMES.map((header) => `          - ${header}`).join("\n")}
    portico-strip:
      headers:
        customRequestHeaders:
${IDENTITY_HEADER_NAMES.map((header) => `          ${header}: ""`).join("\n")}
    portico-callback:
      replacePathRegex:
        regex: "^/\\\\.portico/(.*)"
        replacement: "/t/${slug}/forward-auth/$1"
  services:
    app:
      loadBalancer:
        servers: [{ url: "${appUpstream}" }]
    portico:
      loadBalancer:
        servers: [{ url: "${origin}" }]
`;
}

export function caddySnippet({ porticoOrigin, slug, appHost, appUpstream }: SnippetTarget): string {
  const origin = new URL(porticoOrigin).origin;
  return `${appHost} {
	# /.portico/callback on the app's host goes to Portico.
	handle_path /.portico/* {
		rewrite * /t/${slug}/forward-auth{uri}
		reverse_proxy ${origin} {
			header_up Host {upstream_hostport}
			header_up X-Forwarded-Host {host}
		}
	}
	handle {
		forward_auth ${origin} {
			uri /t/${slug}/forward-auth
			header_up Host {upstream_hostport}
			copy_headers ${IDENTITY_HEADER_NAMES.join(" ")}
		}
		reverse_proxy ${appUpstream}
	}
}
`;
}

export function envoySnippet({ porticoOrigin, slug, appUpstream }: SnippetTarget): string {
  const portico = new URL(porticoOrigin);
  const app = new URL(appUpstream);
  return `# Envoy: the HTTP connection manager's filters and routes, and two clusters
http_filters:
  - name: envoy.filters.http.ext_authz
    typed_config:
      "@type": type.googleapis.com/envoy.extensions.filters.http.ext_authz.v3.ExtAuthz
      failure_mode_allow: false
      http_service:
        server_uri: { uri: "${portico.origin}", cluster: portico, timeout: 2s }
        path_prefix: /t/${slug}/forward-auth/envoy
        authorization_request:
          allowed_headers:
            patterns: [{ exact: cookie }, { exact: authorization }, { exact: accept }, { exact: x-forwarded-proto }, { exact: x-forwarded-for }]
        authorization_response:
          allowed_upstream_headers:
            patterns: [{ prefix: x-portico- }]
          allowed_client_headers:
            patterns: [{ exact: location }, { exact: set-cookie }, { exact: retry-after }, { exact: www-authenticate }]
  - name: envoy.filters.http.router
    typed_config: { "@type": type.googleapis.com/envoy.extensions.filters.http.router.v3.Router }
route_config:
  virtual_hosts:
    - name: app
      domains: ["*"]
      routes:
        - match: { prefix: /.portico/ }
          route: { cluster: portico, prefix_rewrite: /t/${slug}/forward-auth/, host_rewrite_literal: ${portico.host} }
          request_headers_to_add: [{ header: { key: x-forwarded-host, value: "%REQ(:authority)%" } }]
          typed_per_filter_config:
            envoy.filters.http.ext_authz:
              "@type": type.googleapis.com/envoy.extensions.filters.http.ext_authz.v3.ExtAuthzPerRoute
              disabled: true
        - match: { prefix: / }
          route: { cluster: app }
clusters:
  - name: portico  # ${portico.host}${portico.protocol === "https:" ? " (add a TLS transport_socket)" : ""}
    type: STRICT_DNS
    load_assignment:
      cluster_name: portico
      endpoints: [{ lb_endpoints: [{ endpoint: { address: { socket_address: { address: ${portico.hostname}, port_value: ${portico.port || (portico.protocol === "https:" ? 443 : 80)} } } } }] }]
  - name: app
    type: STRICT_DNS
    load_assignment:
      cluster_name: app
      endpoints: [{ lb_endpoints: [{ endpoint: { address: { socket_address: { address: ${app.hostname}, port_value: ${app.port || 80} } } } }] }]
`;
}

export const GATEWAY_SNIPPETS = [
  { id: "nginx", label: "nginx (auth_request)", render: nginxSnippet },
  { id: "traefik-labels", label: "Traefik (Docker labels)", render: traefikLabelsSnippet },
  { id: "traefik-file", label: "Traefik (file provider)", render: traefikFileSnippet },
  { id: "caddy", label: "Caddy (forward_auth)", render: caddySnippet },
  { id: "envoy", label: "Envoy (ext_authz)", render: envoySnippet },
] as const;
