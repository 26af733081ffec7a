import type { Messages } from '../types'

/** Spanish. */
const es: Messages = {
  banner: {
    title: 'Consentimiento de cookies',
    description:
      'Usamos cookies para estadísticas, publicidad y preferencias personales, pero solo si nos das permiso. Puedes cambiar tu elección en cualquier momento.',
    acceptAll: 'Aceptar todo',
    rejectAll: 'Rechazar todo',
    settings: 'Configuración',
    revision: 'Nuestra política de cookies ha cambiado desde tu última visita. Vuelve a elegir, por favor.',
    policy: 'Política de privacidad',
  },
  dialog: {
    title: 'Configuración de cookies',
    description: 'Elige qué cookies podemos usar. Puedes cambiarlo en cualquier momento.',
    save: 'Guardar configuración',
    acceptAll: 'Aceptar todo',
    rejectAll: 'Rechazar todo',
    close: 'Cerrar',
    id: 'Tu ID de consentimiento',
    copy: 'Copiar',
  },
  categories: {
    necessary: {
      title: 'Necesarias',
      description: 'Hacen que el sitio funcione y recuerdan esta elección. Siempre activas.',
    },
    analytics: { title: 'Analíticas', description: 'Cuentan las visitas y nos muestran cómo se usa el sitio.' },
    marketing: {
      title: 'Marketing',
      description: 'Muestran anuncios relevantes y miden su eficacia, aquí y en otros sitios.',
    },
    personalization: { title: 'Personalización', description: 'Recuerdan tus preferencias y adaptan el contenido.' },
  },
  declaration: {
    show: 'Mostrar cookies',
    name: 'Nombre',
    provider: 'Proveedor',
    duration: 'Duración',
    purpose: 'Finalidad',
    own: 'Recuerda tu elección de cookies.',
  },
  footer: { link: 'Configuración de cookies' },
  gpc: 'Tu navegador envía la señal Global Privacy Control y la respetamos: el marketing sigue desactivado salvo que lo actives tú.',
  placeholder: {
    text: 'Este contenido necesita tu consentimiento para las cookies de «{category}».',
    button: 'Permitir «{category}»',
  },
}

export default es
