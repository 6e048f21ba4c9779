// Starts GraphiQL against the endpoint that served the page. Kept out of the HTML so the page's
// Content-Security-Policy can forbid inline scripts.
(function () {
  "use strict";

  var container = document.getElementById("graphiql");
  // The page is served by the GraphQL endpoint itself, so its own path is the endpoint.
  var endpoint = window.location.pathname;

  var defaultQuery = [
    "# Participa's GraphQL API (Decidim compatible).",
    "# Run a query with Ctrl-Enter or the play button;",
    "# the book icon (left) opens the documentation.",
    "",
    "{",
    "  organization {",
    '    name { translation(locale: "fr") }',
    "    availableLocales",
    "  }",
    "  participatoryProcesses {",
    "    id",
    "    slug",
    '    title { translation(locale: "fr") }',
    "  }",
    "}",
    "",
  ].join("\n");

  var fetcher = GraphiQL.createFetcher({
    url: endpoint,
    // No @defer/@stream and no subscriptions here: plain JSON requests are enough.
    enableIncrementalDelivery: false,
  });

  ReactDOM.createRoot(container).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: defaultQuery,
      defaultEditorToolsVisibility: false,
      isHeadersEditorEnabled: true,
      // Headers may hold a bearer token: keep them out of localStorage.
      shouldPersistHeaders: false,
    }),
  );
})();
