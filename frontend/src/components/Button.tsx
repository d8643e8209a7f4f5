import type { ComponentPropsWithRef } from 'react'
import { Link, type LinkProps } from 'react-router'
import { cx } from '@/lib/cx'
import styles from './Button.module.css'

export type ButtonVariant = 'primary' | 'secondary' | 'danger'

export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  variant?: ButtonVariant
}

/** A button in the design system's shape: 44 px high at least, a clear focus ring. */
export function Button({ variant = 'primary', className, type = 'button', ...props }: ButtonProps) {
  return <button type={type} className={cx(styles.button, styles[variant], className)} {...props} />
}

/** A link that looks like a button: for "create" and other moves to another page. */
export function ButtonLink({ variant = 'primary', className, ...props }: LinkProps & { variant?: ButtonVariant }) {
  return <Link className={cx(styles.button, styles[variant], className)} {...props} />
}
