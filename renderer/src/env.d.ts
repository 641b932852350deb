// Vite's client types: CSS imports, import.meta.env and import.meta.glob.
/// <reference types="vite/client" />
