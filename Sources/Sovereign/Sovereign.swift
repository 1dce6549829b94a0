// The one library product an application adds: `import Sovereign` brings the catalog model and
// loading, the exposure engine, the scoring engine, the CSF calculator and the fetcher.
@_exported import SovereignCSF
@_exported import SovereignCatalog
@_exported import SovereignExposure
@_exported import SovereignFetch
@_exported import SovereignHTML
@_exported import SovereignScoring
