// Types of the service-worker registration module that vite-plugin-pwa makes up (virtual:pwa-register/react).
/// <reference types="vite-plugin-pwa/react" />
