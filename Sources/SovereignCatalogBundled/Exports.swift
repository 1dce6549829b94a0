// `SovereignCatalog` is the catalog module applications import: the model, loading and
// presentation (module `SovereignCatalogCore`, sources in Sources/SovereignCatalog) plus the
// bundled catalog compiled into it at build time by `EmbedCatalogPlugin`.
@_exported import SovereignCatalogCore
