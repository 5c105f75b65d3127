/** 待办 (issue 15): the shapes of packages/server/src/http/routes/todo.ts. */
import { api } from './client.js';

export type TodoUrgency = 'overdue' | 'warning' | 'normal' | 'none';

export interface TodoItem {
  key: string;
  kind: string;
  kindLabel: string;
  title: string;
  reference: string;
  due: string | null;
  urgency: TodoUrgency;
  urgencyLabel: string;
  provisional: boolean;
  provisionalReason: string | null;
  link: string;
  unread: boolean;
}

export interface TodoList {
  today: string;
  unread: number;
  items: TodoItem[];
}

export const fetchTodo = () => api.get<TodoList>('/todo');
export const fetchUnread = () => api.get<{ count: number }>('/todo/unread', { quiet: true });
export const markTodoSeen = (keys: string[]) => api.post<{ marked: number }>('/todo/seen', { keys });

/** Tells the bell to count again (the home page marks items as seen). */
export const TODO_CHANGED_EVENT = 'sx:todo-changed';
